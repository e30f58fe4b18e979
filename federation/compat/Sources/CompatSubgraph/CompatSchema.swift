/// The SDL the compatibility example serves: the suite's `products` schema (Federation v2.3),
/// `federation/compat/products.graphql` compiled into the binary (EmbedFilesPlugin) so it runs
/// from any directory.
public enum CompatSchema {
    /// `federation/compat/products.graphql`, without its final newline.
    public static var sdl: String {
        var text = EmbeddedFiles.all["federation/compat/products.graphql"] ?? ""
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

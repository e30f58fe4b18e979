import Postgres

/// The engine's schema: the numbered SQL files in `Store/Migrations/`, compiled into the binary
/// by the EmbedFiles plugin. Additive only (expand/contract); `ops/dev/test` lints them with squawk.
public enum DatabaseMigrations {
    /// Every migration, ordered by number.
    public static func all() throws -> [Migration] {
        try Migration.fromFiles(EmbeddedFiles.all)
    }

    /// A runner over every migration.
    public static func runner() throws -> MigrationRunner {
        MigrationRunner(migrations: try all())
    }
}

package org.hostledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The PostgreSQL server a run measures ({@code --store=postgres}): {@code --pg-url=}, {@code --pg-user=}, {@code
 * --pg-password=}, else the usual {@code SPRING_DATASOURCE_URL}, {@code SPRING_DATASOURCE_USERNAME} and {@code
 * SPRING_DATASOURCE_PASSWORD}, else the server {@code .ci/postgres} starts. Each application of a run gets a schema
 * of its own there, so that it starts from an empty store without touching anything else on the server.
 */
record PostgresServer(String url, String user, String password) {

    static final String OPTIONS = "--store=h2|postgres, --pg-url=, --pg-user=, --pg-password=";

    static PostgresServer fromEnvironment() {
        return new PostgresServer(
                System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:55432/hostledger"),
                System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "hostledger"),
                System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "hostledger"));
    }

    /** Whether {@code arg} is one of {@code --pg-url=}, {@code --pg-user=}, {@code --pg-password=}. */
    static boolean isOption(String arg) {
        return arg.startsWith("--pg-url=") || arg.startsWith("--pg-user=") || arg.startsWith("--pg-password=");
    }

    /** This server with {@code arg}, one of its options ({@link #isOption}), applied. */
    PostgresServer with(String arg) {
        if (arg.startsWith("--pg-url=")) {
            return new PostgresServer(arg.substring("--pg-url=".length()), user, password);
        }
        if (arg.startsWith("--pg-user=")) {
            return new PostgresServer(url, arg.substring("--pg-user=".length()), password);
        }
        if (arg.startsWith("--pg-password=")) {
            return new PostgresServer(url, user, arg.substring("--pg-password=".length()));
        }
        throw new IllegalArgumentException("not a PostgreSQL option: " + arg);
    }

    /** Whether {@code --store=…} asks for PostgreSQL; refuses any store but h2 and postgres. */
    static boolean storeIsPostgres(String arg) {
        String store = arg.substring("--store=".length());
        if (!store.equals("h2") && !store.equals("postgres")) {
            throw new IllegalArgumentException("--store is h2 or postgres, not " + store);
        }
        return store.equals("postgres");
    }

    Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            // 08: no connection; 28: credentials refused; 3D: no such database.
            if (state.startsWith("08") || state.startsWith("28") || state.startsWith("3D")) {
                throw new Unreachable(this, e);
            }
            throw e;
        }
    }

    /** The server cannot be reached, or refuses these credentials or this database: the run cannot start. */
    static final class Unreachable extends IllegalStateException {
        Unreachable(PostgresServer server, SQLException cause) {
            super(
                    "cannot use PostgreSQL at " + withoutParameters(server.url()) + " as " + server.user() + ": "
                            + cause.getMessage().replaceFirst("\\.$", "")
                            + ". Start one with `.ci/postgres start` (see the README), or name yours with --pg-url=,"
                            + " --pg-user=, --pg-password= or SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD",
                    cause);
        }
    }

    /** A JDBC URL without its parameters, which may carry a password. */
    static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    /** Creates {@code schema} and answers the application arguments that store everything in it. */
    List<String> createSchema(String schema) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + inSchema,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema);
    }

    void dropSchemas(String... schemas) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}

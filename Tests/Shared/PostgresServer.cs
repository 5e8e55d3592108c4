using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AuthorBot.Tests.Shared;

/// <summary>
/// A real PostgreSQL server for one test run: Debian's <c>postgresql</c> binaries (or <c>POSTGRES_BIN</c>), a cluster
/// made with <c>initdb</c> in a temporary folder, listening on a free loopback port only, stopped by its process id
/// at the end. initdb and the server refuse to run as root, so when the tests run as root both run as the
/// <c>postgres</c> user, which owns the folder. Each test asks for a fresh database of its own.
/// </summary>
/// <remarks>One source file, compiled into every test project that needs it (linked from each csproj).</remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string ServiceUser = "postgres";
    private string? _folder;
    private string? _dataDirectory;
    private int _port;
    private int _processId;

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port => _port;

    /// <summary>The postmaster's process id.</summary>
    public int ProcessId => _processId;

    public async Task InitializeAsync()
    {
        var bin = FindBinaries();
        _folder = Directory.CreateTempSubdirectory("authorbot-postgres-").FullName;
        _dataDirectory = Path.Combine(_folder, "data");
        var asServiceUser = Environment.IsPrivilegedProcess;
        if (asServiceUser)
        {
            await RunAsync("chown", [ServiceUser, _folder], asServiceUser: false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", _dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asServiceUser);

        // Throwaway data: durability settings off make a test run's many small transactions cheap. No Unix socket, so
        // nothing outside the folder is touched; loopback TCP only.
        _port = FreePort();
        await File.AppendAllLinesAsync(Path.Combine(_dataDirectory, "postgresql.conf"), [
            "listen_addresses = '127.0.0.1'",
            string.Create(CultureInfo.InvariantCulture, $"port = {_port}"),
            "unix_socket_directories = ''",
            "max_connections = 300",
            "shared_buffers = 32MB",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
        ]);
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["start", "-w", "-t", "60", "-D", _dataDirectory, "-l", Path.Combine(_folder, "server.log")], asServiceUser);

        // The first line of postmaster.pid is the server's process id, which is how it is stopped.
        var pidFile = await File.ReadAllLinesAsync(Path.Combine(_dataDirectory, "postmaster.pid"));
        _processId = int.Parse(pidFile[0], CultureInfo.InvariantCulture);
    }

    /// <summary>A database name nobody has used on this server.</summary>
    public static string NewDatabaseName() => "t_" + Guid.NewGuid().ToString("N");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    /// <param name="name">Its name (<see cref="NewDatabaseName"/> when not given).</param>
    /// <param name="maxPoolSize">The connection pool's limit for this connection string.</param>
    /// <returns>A connection string to the new database.</returns>
    public async Task<string> CreateDatabaseAsync(string? name = null, int maxPoolSize = 20)
    {
        name ??= NewDatabaseName();
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres", maxPoolSize: 2)))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name, maxPoolSize);
    }

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database, int maxPoolSize = 20) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = maxPoolSize,
        Timeout = 15,
    }.ConnectionString;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_processId > 0 && _dataDirectory is not null)
        {
            // SIGINT is PostgreSQL's fast shutdown: it ends open sessions instead of waiting for pooled ones to leave.
            await RunAsync("kill", ["-INT", _processId.ToString(CultureInfo.InvariantCulture)], asServiceUser: false);
            var pidFile = Path.Combine(_dataDirectory, "postmaster.pid");
            for (var waited = 0; File.Exists(pidFile) && waited < 150; waited++)
            {
                await Task.Delay(100);
            }

            if (File.Exists(pidFile))
            {
                await RunAsync("kill", ["-KILL", _processId.ToString(CultureInfo.InvariantCulture)], asServiceUser: false);
            }
        }

        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; failing the run over it would hide the real result.
            }
        }
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("POSTGRES_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        // Debian installs each major version under its own folder; the newest one wins.
        const string debianRoot = "/usr/lib/postgresql";
        var found = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(folder => (Folder: folder, Version: int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(candidate => candidate.Version > 0 && File.Exists(Path.Combine(candidate.Folder, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => Path.Combine(candidate.Folder, "bin"))
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL was not found under /usr/lib/postgresql/*/bin. Install it (Debian: apt-get install -y postgresql) or set POSTGRES_BIN to the folder holding initdb and pg_ctl.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asServiceUser)
    {
        var start = new ProcessStartInfo(asServiceUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServiceUser)
        {
            foreach (var prefix in new[] { "-u", ServiceUser, "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}

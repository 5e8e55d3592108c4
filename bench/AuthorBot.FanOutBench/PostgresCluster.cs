using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AuthorBot.FanOutBench;

/// <summary>
/// A throwaway PostgreSQL server for one benchmark run, made the way the test suite makes its own
/// (<c>Tests/Shared/PostgresServer.cs</c>): Debian's binaries (or <c>POSTGRES_BIN</c>), <c>initdb</c> into a temporary
/// folder (as the <c>postgres</c> user when this runs as root, since initdb refuses root), <c>pg_ctl start</c> on a free
/// loopback port with no Unix socket, and stopped by the postmaster's process id.
/// </summary>
/// <remarks>
/// A copy rather than a link to the test file, which implements xunit's fixture interface. Durability is left at
/// PostgreSQL's defaults (fsync on) so the figures include commit costs, unlike the tests' fsync-off server.
/// </remarks>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private readonly string _folder;
    private readonly string _dataDirectory;
    private int _processId;

    private PostgresCluster(string folder, int port)
    {
        _folder = folder;
        _dataDirectory = Path.Combine(folder, "data");
        Port = port;
    }

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; }

    public static async Task<PostgresCluster> StartAsync(CancellationToken cancellationToken)
    {
        var bin = FindBinaries();
        var cluster = new PostgresCluster(Directory.CreateTempSubdirectory("authorbot-bench-postgres-").FullName, FreePort());
        try
        {
            var asServiceUser = Environment.IsPrivilegedProcess;
            if (asServiceUser)
            {
                await RunAsync("chown", [ServiceUser, cluster._folder], asServiceUser: false, cancellationToken).ConfigureAwait(false);
            }

            await RunAsync(Path.Combine(bin, "initdb"), ["-D", cluster._dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asServiceUser, cancellationToken).ConfigureAwait(false);
            await File.AppendAllLinesAsync(Path.Combine(cluster._dataDirectory, "postgresql.conf"), [
                "listen_addresses = '127.0.0.1'",
                string.Create(CultureInfo.InvariantCulture, $"port = {cluster.Port}"),
                "unix_socket_directories = ''",
                "max_connections = 300",
            ], cancellationToken).ConfigureAwait(false);
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["start", "-w", "-t", "60", "-D", cluster._dataDirectory, "-l", Path.Combine(cluster._folder, "server.log")], asServiceUser, cancellationToken).ConfigureAwait(false);
            var pidFile = await File.ReadAllLinesAsync(Path.Combine(cluster._dataDirectory, "postmaster.pid"), cancellationToken).ConfigureAwait(false);
            cluster._processId = int.Parse(pidFile[0], CultureInfo.InvariantCulture);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(int maxPoolSize, CancellationToken cancellationToken)
    {
        var name = "bench_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres", 2)))
        {
            await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return ConnectionString(name, maxPoolSize);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var pidFile = Path.Combine(_dataDirectory, "postmaster.pid");
        if (_processId > 0)
        {
            // SIGINT is PostgreSQL's fast shutdown: open sessions end instead of being waited for.
            await RunAsync("kill", ["-INT", _processId.ToString(CultureInfo.InvariantCulture)], asServiceUser: false, CancellationToken.None).ConfigureAwait(false);
            for (var waited = 0; File.Exists(pidFile) && waited < 150; waited++)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }

            if (File.Exists(pidFile))
            {
                await RunAsync("kill", ["-KILL", _processId.ToString(CultureInfo.InvariantCulture)], asServiceUser: false, CancellationToken.None).ConfigureAwait(false);
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private string ConnectionString(string database, int maxPoolSize) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = maxPoolSize,
        Timeout = 15,
    }.ConnectionString;

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("POSTGRES_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

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
            "PostgreSQL was not found under /usr/lib/postgresql/*/bin. Install it (Debian: apt-get install -y postgresql) or set POSTGRES_BIN.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asServiceUser, CancellationToken cancellationToken)
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
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
        }
    }
}

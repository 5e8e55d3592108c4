using System.Diagnostics;
using System.Net;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.DirectLine;
using AuthorBot.BotFramework.State;
using AuthorBot.DirectLineBench;

// Usage: dotnet run --project bench/AuthorBot.DirectLineBench -c Release -- [--port 5000] [--db file.db] [--open]
//   --db    keep logs in SQLite (default: in memory)
//   --open  lift the rate limit (the latency run posts hundreds of messages back to back)
var port = 5000;
string? database = null;
var open = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length:
            port = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--db" when i + 1 < args.Length:
            database = args[++i];
            break;
        case "--open":
            open = true;
            break;
        default:
            Console.Error.WriteLine($"unknown argument: {args[i]}");
            return 2;
    }
}

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
builder.Logging.SetMinimumLevel(LogLevel.Warning);
IStorage storage = database is null ? new MemoryStorage() : new SqliteStorage(database);
builder.Services.AddSingleton(storage);
builder.Services.AddSingleton<IBot, HarnessEchoBot>();
builder.Services.AddDirectLine(builder.Configuration, options =>
{
    options.Secret ??= "bench-secret-not-for-production-0123456789";
    options.AllowedOrigins.Add("*");
    if (open)
    {
        options.RateLimitBurst = 1_000_000;
        options.RateLimitPerSecond = 1_000_000;
    }
});

var app = builder.Build();
app.MapDirectLine("/v3/directline");
app.MapGet("/stats", () =>
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    using var process = Process.GetCurrentProcess();
    return Results.Json(new BenchStats(GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64), BenchJsonContext.Default.BenchStats);
});
await app.StartAsync().ConfigureAwait(false);
Console.WriteLine($"DL_LISTENING http://127.0.0.1:{port}/v3/directline");
await app.WaitForShutdownAsync().ConfigureAwait(false);
(storage as IDisposable)?.Dispose();
return 0;

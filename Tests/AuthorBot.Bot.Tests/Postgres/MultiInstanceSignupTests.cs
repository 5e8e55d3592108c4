using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.BotFramework.Diagnostics;
using AuthorBot.BotFramework.Hosting;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;
using Npgsql;
using Xunit.Abstractions;

namespace AuthorBot.Bot.Tests.Postgres;

/// <summary>Three instances on one PostgreSQL with no sticky routing behave as one bot.</summary>
[Collection(PostgresTests.Name)]
public sealed class MultiInstanceSignupTests(PostgresServer server, ITestOutputHelper output)
{
    private const int Instances = 3;
    private const int Readers = 200;

    [Fact]
    public async Task Two_hundred_concurrent_signups_with_every_turn_on_a_random_instance_all_complete_with_no_lost_update_and_no_5xx()
    {
        using var folder = new TempFolder();
        var connectionString = await server.CreateDatabaseAsync(maxPoolSize: 30);
        var hosts = new List<RunningHost>();
        try
        {
            for (var i = 0; i < Instances; i++)
            {
                hosts.Add(await RunningHost.StartAsync(PostgresInstance.Settings(connectionString, folder.Path, "instance-" + i)));
            }

            // Counts the writes that lost an ETag race, from the storage metric every instance records, to show the
            // test raced at all (each such turn ran again on fresh state).
            var conflicts = 0;
            using var listener = new MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BotTelemetry.MeterName && instrument.Name == "authorbot.storage.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
            {
                string? provider = null, outcome = null;
                foreach (var tag in tags)
                {
                    (provider, outcome) = tag.Key switch
                    {
                        TelemetryAttributes.StorageProvider => (tag.Value as string, outcome),
                        TelemetryAttributes.StorageOutcome => (provider, tag.Value as string),
                        _ => (provider, outcome),
                    };
                }

                if (provider == "postgres" && outcome == "conflict")
                {
                    Interlocked.Increment(ref conflicts);
                }
            });
            listener.Start();

            var statuses = new ConcurrentDictionary<int, int>();
            var perInstance = new int[Instances];
            var failures = new ConcurrentQueue<string>();
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, Readers).Select(reader => Task.Run(async () =>
            {
                // A seeded draw per reader: each turn lands on any instance, and a failure can be replayed.
                var random = new Random(reader);
                var name = "Reader" + reader.ToString(CultureInfo.InvariantCulture);
                var email = $"reader{reader}@example.com";
                string[] turns = ["subscribe to the newsletter", name, email, "yes"];
                var last = string.Empty;

                // Meanwhile, from another conversation on another random instance, the same reader opts out of
                // announcements: two turns writing one profile document from two processes, racing on its ETag.
                var racingTurn = random.Next(turns.Length);
                Task<(int Status, string Text)>? optOut = null;
                for (var turn = 0; turn < turns.Length; turn++)
                {
                    if (turn == racingTurn)
                    {
                        optOut = TurnAsync(hosts[random.Next(Instances)], $"side-{reader}", $"user-{reader}", "stop");
                    }

                    var instance = random.Next(Instances);
                    Interlocked.Increment(ref perInstance[instance]);
                    (var status, last) = await TurnAsync(hosts[instance], $"conv-{reader}", $"user-{reader}", turns[turn]);
                    statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                }

                if (last != $"Thanks {name}, you're subscribed.")
                {
                    failures.Enqueue($"{name}: {last}");
                }

                var (optOutStatus, optOutText) = await optOut!;
                statuses.AddOrUpdate(optOutStatus, 1, (_, n) => n + 1);
                if (optOutText.StartsWith("apology", StringComparison.Ordinal) || optOutText.Length == 0)
                {
                    failures.Enqueue($"{name} (stop): {optOutText}");
                }
            })));
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Readers * 5} turns ({Readers} signups of 4 turns, {Readers} racing opt-outs) on {Instances} instances in {seconds:F1} s ({Readers * 5 / seconds:F0} turns/s); signup turns per instance: {string.Join(", ", perInstance)}; ETag conflicts retried: {Volatile.Read(ref conflicts)}; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}x{s.Value}"))}"));

            Assert.Empty(failures);
            Assert.Equal([200], statuses.Keys);
            Assert.Equal(Readers * 5, statuses[200]);
            Assert.All(perInstance, count => Assert.True(count > 0));
            Assert.True(Volatile.Read(ref conflicts) > 0, "No write lost an ETag race across instances; the test proved nothing about lost updates.");

            // No lost update: every reader's profile, read straight from the database, holds both their subscription
            // and their opt-out, whichever instances wrote them.
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var profiles = new StoredReaderProfiles(new PostgresStorage(dataSource));
            var subscribed = 0;
            for (var reader = 0; reader < Readers; reader++)
            {
                var profile = await profiles.ReadProfileAsync(new ReaderKey("emulator", $"user-{reader}"), CancellationToken.None);
                if (profile is { IsSubscribed: true, Preferences.AnnouncementsOptOut: true } && profile.Email == $"reader{reader}@example.com" && profile.Name == $"Reader{reader}")
                {
                    subscribed++;
                }
            }

            Assert.Equal(Readers, subscribed);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task<(int Status, string Text)> TurnAsync(RunningHost host, string conversationId, string userId, string text)
    {
        var activity = RunningHost.NewMessage(conversationId, userId, text, "http://127.0.0.1:1");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var response = await host.PostActivityAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            return ((int)response.StatusCode, body);
        }

        using var document = JsonDocument.Parse(body);
        var replies = document.RootElement.GetProperty("activities").EnumerateArray()
            .Where(a => !a.TryGetProperty("type", out var type) || type.GetString() == ActivityTypes.Message)
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : string.Empty);
        var joined = string.Join('\n', replies);
        return ((int)response.StatusCode, joined.Contains(CloudAdapter.DefaultErrorMessage, StringComparison.Ordinal) ? "apology: " + joined : joined);
    }
}

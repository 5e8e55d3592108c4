using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace AuthorBot.Bot.Tests.Announcements;

public sealed class FanOutTests(ITestOutputHelper output)
{
    private const int Readers = 10_000;
    private const int Rate = 2_000;

    [Fact]
    public async Task Ten_thousand_readers_each_get_exactly_one_message_at_the_configured_rate()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync(
            $"--Announcements:MaxPerSecond={Rate.ToString(CultureInfo.InvariantCulture)}",
            "--Announcements:MaxConcurrentSends=128");
        await host.SeedReadersAsync(Readers, channel.ServiceUrl);

        var clock = Stopwatch.StartNew();
        var id = await host.CreateAsync("""{"text":"Hello {name}, the new book is out: https://example.com/book"}""");
        var planned = clock.Elapsed;
        Assert.True(await AnnouncementChannel.WaitForAsync(() => channel.PostCount >= Readers, TimeSpan.FromSeconds(120)), $"Only {channel.PostCount} of {Readers} arrived.");
        var elapsed = clock.Elapsed;
        var progress = await host.WaitCompletedAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(Readers, progress.GetProperty("sent").GetInt32());
        Assert.Equal(Readers, channel.PostCount);
        var perConversation = channel.Posts.GroupBy(p => p.ConversationId).ToList();
        Assert.Equal(Readers, perConversation.Count);
        Assert.All(perConversation, g => Assert.Single(g));
        Assert.Equal(Readers, channel.Posts.Select(p => p.IdempotencyKey).Distinct().Count());

        // Reported, not asserted: timing depends on the machine. The ideal schedule is N / rate from the first send.
        var times = channel.Posts.Select(p => p.At).Order().ToList();
        var sending = times[^1] - times[0];
        var ideal = TimeSpan.FromSeconds((double)(Readers - 1) / Rate);
        output.WriteLine(FormattableString.Invariant(
            $"{Readers} readers at {Rate}/s: ideal {ideal.TotalSeconds:F2} s; first to last delivery {sending.TotalSeconds:F2} s (overhead {(sending / ideal - 1) * 100:F1} %); POST (planning {planned.TotalSeconds:F2} s) to last delivery {elapsed.TotalSeconds:F2} s (overhead {(elapsed / ideal - 1) * 100:F1} %)."));
    }
}

using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.BotFramework.Hosting;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Reliability;

/// <summary>Two writers to one reader's state, racing on the ETag: the loser's turn runs again and both changes land.</summary>
public sealed class StateConflictTests
{
    [Fact]
    public async Task Two_instances_writing_one_readers_profile_at_once_both_land_with_one_answer_each()
    {
        var reader = new ReaderKey("emulator", "twice");
        var shared = new MemoryStorage();
        var gate = new UserReadGate(shared, StoredReaderProfiles.KeyFor(reader), racers: 2);
        await using var channelA = await FakeChannel.StartAsync();
        await using var channelB = await FakeChannel.StartAsync();

        // Two hosts on one store (as two instances would be): each serializes its own turns, not the other's.
        await using var hostA = await RunningHost.StartAsync(["--Storage:Provider=Memory"], b => b.Services.AddSingleton<IStorage>(gate));
        await using var hostB = await RunningHost.StartAsync(["--Storage:Provider=Memory"], b => b.Services.AddSingleton<IStorage>(gate));

        // Writer A: "stop" sets the announcement opt-out. Writer B: joining another conversation records the welcome.
        var stop = RunningHost.NewMessage("conv-a", reader.UserId, "stop", channelA.ServiceUrl);
        var join = RunningHost.NewMessage("conv-b", reader.UserId, string.Empty, channelB.ServiceUrl);
        (join.Type, join.Text, join.MembersAdded) = (ActivityTypes.ConversationUpdate, null, [new ChannelAccount(reader.UserId), new ChannelAccount("bot")]);
        var answers = await Task.WhenAll(hostA.PostActivityAsync(stop), hostB.PostActivityAsync(join));
        foreach (var answer in answers)
        {
            answer.EnsureSuccessStatusCode();
            answer.Dispose();
        }

        Assert.True(gate.Conflicts >= 1, "The two writes did not race; the test proved nothing.");
        var profile = await new StoredReaderProfiles(shared).ReadProfileAsync(reader, CancellationToken.None);
        Assert.NotNull(profile);
        Assert.True(profile.Preferences.AnnouncementsOptOut, "The opt-out was lost.");
        Assert.NotNull(profile.WelcomedAt);

        // Each conversation got its one answer: no apology, and the retried turn did not repeat what it had said.
        var a = Assert.Single(channelA.Calls).Activity;
        var b = Assert.Single(channelB.Calls).Activity;
        Assert.DoesNotContain(CloudAdapter.DefaultErrorMessage, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(CloudAdapter.DefaultErrorMessage, b.Text, StringComparison.Ordinal);
    }

    /// <summary>Holds the first reads of one key until <c>racers</c> of them have read, so both writers decide on the same version.</summary>
    private sealed class UserReadGate(IStorage inner, string key, int racers) : IStorage
    {
        private readonly TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;
        private int _conflicts;

        public int Conflicts => Volatile.Read(ref _conflicts);

        public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            var result = await inner.ReadAsync(keys, cancellationToken);
            if (keys.Contains(key, StringComparer.Ordinal))
            {
                var read = Interlocked.Increment(ref _reads);
                if (read == racers)
                {
                    _allRead.TrySetResult();
                }

                if (read <= racers)
                {
                    await _allRead.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                }
            }

            return result;
        }

        public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            try
            {
                await inner.WriteAsync(changes, cancellationToken);
            }
            catch (StorageConcurrencyException)
            {
                Interlocked.Increment(ref _conflicts);
                throw;
            }
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.DirectLine;

namespace AuthorBot.BotFramework.Tests.DirectLine;

public class DirectLineConversationTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DirectLineRetention _keep100 = new(100, TimeSpan.FromDays(1));

    private static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text };

    private static JsonElement[] Read(DirectLineConversation conversation, long? watermark, out string newWatermark)
    {
        using var set = JsonDocument.Parse(conversation.ReadAfter(watermark));
        newWatermark = set.RootElement.GetProperty("watermark").GetString()!;
        return [.. set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
    }

    [Fact]
    public void Append_assigns_sequential_ids_and_strictly_increasing_timestamps_even_at_the_same_instant()
    {
        var conversation = new DirectLineConversation("c1", _now);
        var first = conversation.Append(Message("a"), _now, _keep100);
        var second = conversation.Append(Message("b"), _now, _keep100);
        var third = conversation.Append(Message("c"), _now.AddTicks(-5000), _keep100);

        Assert.Equal(["c1|0000001", "c1|0000002", "c1|0000003"], new[] { first.Id, second.Id, third.Id });
        Assert.True(second.Timestamp > first.Timestamp);
        Assert.True(third.Timestamp > second.Timestamp);
        Assert.Equal(TimeSpan.FromMilliseconds(1), second.Timestamp - first.Timestamp);
    }

    [Fact]
    public void Watermark_returns_only_what_came_after_it_and_is_a_string()
    {
        var conversation = new DirectLineConversation("c1", _now);
        Assert.Empty(Read(conversation, null, out var empty));
        Assert.Equal("0", empty);
        foreach (var text in new[] { "a", "b", "c" })
        {
            conversation.Append(Message(text), _now, _keep100);
        }

        Assert.Equal(["a", "b", "c"], Read(conversation, null, out var all).Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("3", all);
        Assert.Equal(["c"], Read(conversation, 2, out var afterTwo).Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("3", afterTwo);
        Assert.Empty(Read(conversation, 3, out var upToDate));
        Assert.Equal("3", upToDate);
    }

    [Fact]
    public void Retention_keeps_only_the_newest_activities_and_drops_old_ones()
    {
        var conversation = new DirectLineConversation("c1", _now);
        var retention = new DirectLineRetention(3, TimeSpan.FromHours(1));
        for (var i = 1; i <= 5; i++)
        {
            conversation.Append(Message("m" + i), _now, retention);
        }

        Assert.Equal(["m3", "m4", "m5"], Read(conversation, null, out var watermark).Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("5", watermark);

        conversation.Append(Message("later"), _now.AddHours(2), retention);
        Assert.Equal(["later"], Read(conversation, null, out _).Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public void Subscriber_gets_the_backlog_first_then_new_activities_but_not_twice()
    {
        var conversation = new DirectLineConversation("c1", _now);
        conversation.Append(Message("welcome"), _now, _keep100);
        conversation.Append(Message("second"), _now, _keep100);
        var subscriber = new RecordingSubscriber();

        conversation.Subscribe(subscriber, watermark: 1, maxSubscribers: 4);
        conversation.Append(Message("pushed"), _now, _keep100);
        conversation.Broadcast(new JsonObject { ["type"] = "typing" }, _now);

        Assert.Equal(3, subscriber.Frames.Count);
        Assert.Equal(["second"], subscriber.Texts(0));
        Assert.Equal(["pushed"], subscriber.Texts(1));
        Assert.Equal("typing", subscriber.Activities(2)[0].GetProperty("type").GetString());
        Assert.Equal("3", subscriber.Watermark(2));
        Assert.Equal(["welcome", "second", "pushed"], Read(conversation, null, out _).Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public void Extra_subscriber_beyond_the_limit_evicts_the_oldest()
    {
        var conversation = new DirectLineConversation("c1", _now);
        var first = new RecordingSubscriber();
        var second = new RecordingSubscriber();

        Assert.Null(conversation.Subscribe(first, null, maxSubscribers: 1));
        Assert.Same(first, conversation.Subscribe(second, null, maxSubscribers: 1));
        conversation.Append(Message("x"), _now, _keep100);

        Assert.Empty(first.Frames);
        Assert.Single(second.Frames);
    }

    [Fact]
    public void Replace_keeps_id_and_timestamp_but_moves_the_activity_past_old_watermarks()
    {
        var conversation = new DirectLineConversation("c1", _now);
        var draft = conversation.Append(Message("draft"), _now, _keep100);
        conversation.Append(Message("other"), _now, _keep100);

        var replaced = conversation.Replace(draft.Id, Message("final"), _keep100, _now);

        Assert.NotNull(replaced);
        Assert.Equal(draft.Id, replaced.Id);
        Assert.Equal(draft.Timestamp, replaced.Timestamp);
        Assert.Equal(["final"], Read(conversation, 2, out var watermark).Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("3", watermark);
        Assert.Equal(["other", "final"], Read(conversation, null, out _).Select(a => a.GetProperty("text").GetString()));
        Assert.Null(conversation.Replace("c1|9999999", Message("nothing"), _keep100, _now));
        Assert.True(conversation.Remove(draft.Id));
        Assert.Equal(["other"], Read(conversation, null, out _).Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public void Snapshot_holds_only_changed_chunks_and_becomes_clean_once_persisted()
    {
        var conversation = new DirectLineConversation("c1", _now);
        for (var i = 0; i < DirectLineConversation.ChunkSize + 2; i++)
        {
            conversation.Append(Message("m" + i), _now, _keep100);
        }

        var first = conversation.TakeSnapshot();
        Assert.Equal([0L, 1L], first.Chunks.Keys.Order());
        conversation.MarkPersisted(first);
        Assert.False(conversation.IsDirty);

        conversation.Append(Message("new"), _now, _keep100);
        var second = conversation.TakeSnapshot();
        Assert.Equal([1L], second.Chunks.Keys);
        Assert.Equal(DirectLineConversation.ChunkSize + 3, second.Head.LastSequence);
    }

    private sealed class RecordingSubscriber : IActivityStreamSubscriber
    {
        public List<byte[]> Frames { get; } = [];

        public bool TryEnqueue(byte[] frame)
        {
            Frames.Add(frame);
            return true;
        }

        public void Close(string reason) => Frames.Clear();

        public JsonElement[] Activities(int frame) =>
            [.. JsonDocument.Parse(Frames[frame]).RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];

        public string[] Texts(int frame) => [.. Activities(frame).Select(a => a.GetProperty("text").GetString()!)];

        public string Watermark(int frame) => JsonDocument.Parse(Frames[frame]).RootElement.GetProperty("watermark").GetString()!;
    }
}

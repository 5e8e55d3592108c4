using System.Text.Json;

namespace AuthorBot.Teams.Tests;

/// <summary>
/// The harness's wire.jsonl: every activity the playground sent the bot and every Connector call the bot made, in order.
/// </summary>
internal sealed class WireLog
{
    private WireLog(List<(bool ToBot, JsonElement Body)> entries) => Entries = entries;

    /// <summary>The activities in order; ToBot for playground → bot, otherwise bot → Connector.</summary>
    public IReadOnlyList<(bool ToBot, JsonElement Body)> Entries { get; }

    public static WireLog Read(string outDir)
    {
        var entries = new List<(bool, JsonElement)>();
        foreach (var line in File.ReadLines(Path.Combine(outDir, "wire.jsonl")).Where(l => l.Length > 0))
        {
            var item = JsonDocument.Parse(line).RootElement;
            var toBot = item.GetProperty("from").GetString()!.EndsWith("Playground", StringComparison.Ordinal);
            if (item.TryGetProperty("request", out var request) && request.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object)
            {
                entries.Add((toBot, body.Clone()));
            }
        }

        return new WireLog(entries);
    }

    /// <summary>Index of the first reader submission whose value has <c>action</c> = <paramref name="action"/>, and its book id.</summary>
    public (int Index, string BookId) Submission(string action)
    {
        for (var i = 0; i < Entries.Count; i++)
        {
            var (toBot, body) = Entries[i];
            if (toBot && body.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
                && value.TryGetProperty("action", out var a) && a.GetString() == action)
            {
                return (i, value.GetProperty("bookId").GetString()!);
            }
        }

        throw new InvalidOperationException($"No '{action}' submission on the wire.");
    }

    /// <summary>The book cards the bot sent after <paramref name="index"/>: book id and the texts on the card.</summary>
    public List<(string BookId, string Text)> BookCardsAfter(int index)
    {
        var cards = new List<(string, string)>();
        foreach (var (toBot, body) in Entries.Skip(index + 1))
        {
            if (toBot || !body.TryGetProperty("attachments", out var attachments))
            {
                continue;
            }

            foreach (var attachment in attachments.EnumerateArray())
            {
                var content = attachment.TryGetProperty("content", out var c) ? c : default;
                if (content.ValueKind == JsonValueKind.Object && content.TryGetProperty("actions", out var actions)
                    && actions.EnumerateArray().FirstOrDefault(a => a.TryGetProperty("data", out var d) && d.TryGetProperty("bookId", out _)) is { ValueKind: JsonValueKind.Object } button)
                {
                    cards.Add((button.GetProperty("data").GetProperty("bookId").GetString()!, content.GetRawText()));
                }
            }
        }

        return cards;
    }
}

using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Recommenders.Ranking;

/// <summary>A reader's history condensed for ranking: net strength per catalogue item and what to exclude.</summary>
internal sealed class ReaderState
{
    public ReaderState(IReadOnlyList<Interaction> interactions, Func<string, int?> catalogIndex)
    {
        var strengths = new Dictionary<int, float>();
        var excluded = new HashSet<int>();
        foreach (var interaction in interactions)
        {
            if (catalogIndex(interaction.ItemId) is not { } item)
            {
                continue;
            }

            strengths[item] = strengths.GetValueOrDefault(item) + interaction.Strength;
            if (interaction.Excludes)
            {
                excluded.Add(item);
            }
        }

        Strengths = strengths
            .Where(s => s.Value != 0)
            .Select(s => (s.Key, Math.Clamp(s.Value, -4f, 4f)))
            .OrderBy(s => s.Key)
            .ToArray();
        Excluded = excluded;
        PositiveCount = Strengths.Count(s => s.Strength > 0.5f);
    }

    /// <summary>Net signed strength per catalogue item, ascending by item.</summary>
    public (int Item, float Strength)[] Strengths { get; }

    /// <summary>Items read, rated, accepted or rejected.</summary>
    public IReadOnlySet<int> Excluded { get; }

    /// <summary>Items with a clearly positive net signal.</summary>
    public int PositiveCount { get; }
}

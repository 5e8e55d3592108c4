using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Recommenders.Training;

/// <summary>The learned stage's training rows: feature vectors with graded labels, grouped by reader, groups contiguous.</summary>
internal sealed class RankingData
{
    private readonly List<float[]> _features = [];
    private readonly List<float> _labels = [];
    private readonly List<int> _groups = [];

    public int Groups { get; private set; }

    public int Rows => _labels.Count;

    public IReadOnlyList<float[]> Features => _features;

    public IReadOnlyList<float> Labels => _labels;

    /// <summary>The group (0-based) of each row.</summary>
    public IReadOnlyList<int> GroupOf => _groups;

    /// <summary>Adds one reader's rows (<see cref="RankingFeatures.Count"/> features each) and their labels.</summary>
    public void Add(ReadOnlySpan<float> rows, ReadOnlySpan<float> labels)
    {
        for (var r = 0; r < labels.Length; r++)
        {
            _features.Add(rows.Slice(r * RankingFeatures.Count, RankingFeatures.Count).ToArray());
            _labels.Add(labels[r]);
            _groups.Add(Groups);
        }

        Groups++;
    }
}

using System.Text.RegularExpressions;
using AuthorBot.Recommenders.Catalog;

namespace AuthorBot.Recommenders.Content;

/// <summary>
/// TF-IDF vectors over each item's tags, authors, series and description words, L2-normalized, so content similarity
/// is a cosine. Tags, authors and series are whole-value terms ("tag:fantasy"); descriptions are split into words.
/// Immutable; derived from the catalogue alone, so it is rebuilt rather than saved.
/// </summary>
public sealed partial class ContentIndex
{
    private readonly Dictionary<string, int> _vocabulary;
    // Item i's terms (ascending) and weights at [_starts[i], _starts[i + 1]): one contiguous run for the whole
    // catalogue, so scoring every item streams through memory instead of visiting two small arrays per item.
    private readonly int[] _starts;
    private readonly int[] _terms;
    private readonly float[] _weights;

    /// <summary>Builds the index for a catalogue.</summary>
    public ContentIndex(BookCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<Dictionary<int, float>>(catalog.Count);
        var documentFrequency = new List<int>();
        foreach (var item in catalog.Items)
        {
            var tf = new Dictionary<int, float>();
            void Add(string term, float weight)
            {
                if (!_vocabulary.TryGetValue(term, out var id))
                {
                    _vocabulary[term] = id = _vocabulary.Count;
                    documentFrequency.Add(0);
                }

                if (!tf.ContainsKey(id))
                {
                    documentFrequency[id]++;
                }

                tf[id] = tf.GetValueOrDefault(id) + weight;
            }

            // Earlier tags are the more characteristic ones (Goodreads shelf counts), so they weigh more.
            for (var t = 0; t < item.Tags.Count; t++)
            {
                Add(TagTerm(item.Tags[t]), 2f / (1 + (0.15f * t)));
            }

            foreach (var author in item.Authors)
            {
                Add("author:" + author.ToLowerInvariant(), 1.5f);
            }

            if (item.Series is { } series)
            {
                Add("series:" + series.ToLowerInvariant(), 1.5f);
            }

            if (item.Description is { } description)
            {
                foreach (Match word in Word().Matches(description.ToLowerInvariant()))
                {
                    Add("word:" + word.Value, 0.2f);
                }
            }

            counts.Add(tf);
        }

        var n = catalog.Count;
        _starts = new int[n + 1];
        var allTerms = new List<int>();
        var allWeights = new List<float>();
        for (var i = 0; i < n; i++)
        {
            var entries = counts[i].OrderBy(e => e.Key).ToArray();
            var terms = entries.Select(e => e.Key).ToArray();
            var weights = entries.Select(e => e.Value * MathF.Log((1f + n) / (1f + documentFrequency[e.Key])) + 1e-3f).ToArray();
            var norm = MathF.Sqrt(weights.Sum(w => w * w));
            for (var t = 0; t < weights.Length; t++)
            {
                weights[t] = norm > 0 ? weights[t] / norm : 0;
            }

            allTerms.AddRange(terms);
            allWeights.AddRange(weights);
            _starts[i + 1] = allTerms.Count;
        }

        _terms = [.. allTerms];
        _weights = [.. allWeights];
    }

    /// <summary>Number of distinct terms.</summary>
    public int TermCount => _vocabulary.Count;

    /// <summary>Number of items indexed.</summary>
    public int ItemCount => _starts.Length - 1;

    /// <summary>Cosine similarity of two items' content.</summary>
    public float Similarity(int a, int b)
    {
        var ta = _terms.AsSpan(_starts[a].._starts[a + 1]);
        var tb = _terms.AsSpan(_starts[b].._starts[b + 1]);
        var wa = _weights.AsSpan(_starts[a].._starts[a + 1]);
        var wb = _weights.AsSpan(_starts[b].._starts[b + 1]);
        float s = 0;
        int i = 0, j = 0;
        while (i < ta.Length && j < tb.Length)
        {
            if (ta[i] == tb[j])
            {
                s += wa[i++] * wb[j++];
            }
            else if (ta[i] < tb[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return s;
    }

    /// <summary>
    /// A taste profile: the weighted sum of the given items' vectors plus the chosen tags (weight each),
    /// as a dense vector over the vocabulary. Negative weights push away from disliked content.
    /// </summary>
    public float[] Profile(IEnumerable<(int Item, float Weight)> items, IEnumerable<string> preferredTags, float tagWeight = 1f)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(preferredTags);
        var profile = new float[_vocabulary.Count];
        FillProfile([.. items], [.. preferredTags], tagWeight, profile);
        return profile;
    }

    /// <summary>Writes a taste profile (see <see cref="Profile"/>) into a buffer of at least <see cref="TermCount"/> values.</summary>
    internal void FillProfile(ReadOnlySpan<(int Item, float Weight)> items, IReadOnlyCollection<string> preferredTags, float tagWeight, Span<float> profile)
    {
        profile[.._vocabulary.Count].Clear();
        foreach (var (item, weight) in items)
        {
            var terms = _terms.AsSpan(_starts[item].._starts[item + 1]);
            var weights = _weights.AsSpan(_starts[item].._starts[item + 1]);
            for (var t = 0; t < terms.Length; t++)
            {
                profile[terms[t]] += weight * weights[t];
            }
        }

        foreach (var tag in preferredTags)
        {
            if (_vocabulary.TryGetValue(TagTerm(tag), out var id))
            {
                profile[id] += tagWeight;
            }
        }
    }

    /// <summary>Scores every item against a profile (dot product with the item's unit vector).</summary>
    public void Score(ReadOnlySpan<float> profile, Span<float> scores)
    {
        var terms = _terms;
        var weights = _weights;
        var starts = _starts;
        for (var i = 0; i + 1 < starts.Length; i++)
        {
            float s = 0;
            for (var t = starts[i]; t < starts[i + 1]; t++)
            {
                s += profile[terms[t]] * weights[t];
            }

            scores[i] = s;
        }
    }

    /// <summary>True when the item carries the tag (case-insensitive).</summary>
    public bool HasTag(int item, string tag) => TagTermId(tag) is var id and >= 0 && _terms.AsSpan(_starts[item].._starts[item + 1]).BinarySearch(id) >= 0;

    /// <summary>
    /// The term of a tag ("tag:" and the trimmed, lower-cased name), or −1 when no book carries it; looked up through a
    /// stack buffer, since a request asks for it once per candidate.
    /// </summary>
    private int TagTermId(string tag)
    {
        var name = tag.AsSpan().Trim();
        const string Prefix = "tag:";
        if (name.Length > 256)
        {
            return _vocabulary.TryGetValue(TagTerm(tag), out var found) ? found : -1;
        }

        Span<char> term = stackalloc char[Prefix.Length + name.Length];
        Prefix.CopyTo(term);
        name.ToLowerInvariant(term[Prefix.Length..]);
        return _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(term, out var id) ? id : -1;
    }

    private static string TagTerm(string tag) => "tag:" + tag.Trim().ToLowerInvariant();

    [GeneratedRegex(@"\p{L}{3,}")]
    private static partial Regex Word();
}

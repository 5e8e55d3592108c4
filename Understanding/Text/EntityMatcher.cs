namespace AuthorBot.Understanding.Text;

/// <summary>
/// Finds names (book titles, the author's name) in a message's words, tolerating misspellings ("glass cartografer") and a
/// missing leading article ("salt orchard"), and replaces them with their placeholder word. Longest match wins; names
/// never overlap.
/// </summary>
public sealed class EntityMatcher
{
    private static readonly string[] _articles = ["the", "a", "an"];

    private readonly List<(EntityPhrase Entity, string[] Words)> _forms = [];

    /// <summary>Prepares the phrases.</summary>
    /// <param name="entities">The names to look for.</param>
    public EntityMatcher(IEnumerable<EntityPhrase> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        foreach (var entity in entities)
        {
            var words = UtteranceText.Words(entity.Phrase).ToArray();
            if (words.Length == 0)
            {
                continue;
            }

            _forms.Add((entity, words));
            if (words.Length > 1 && _articles.Contains(words[0]))
            {
                _forms.Add((entity, words[1..]));
            }
        }

        // Longest forms first, so "the glass cartographer" is tried before "glass cartographer".
        _forms.Sort((x, y) => y.Words.Length.CompareTo(x.Words.Length));
        Entities = [.. _forms.Select(f => f.Entity).Distinct()];
    }

    /// <summary>The names this matcher knows.</summary>
    public IReadOnlyList<EntityPhrase> Entities { get; }

    /// <summary>The names in a message's words, in order of appearance.</summary>
    /// <param name="words">The message's words (<see cref="UtteranceText.Words"/>).</param>
    /// <returns>The matches, not overlapping.</returns>
    public IReadOnlyList<EntityMatch> Find(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var matches = new List<EntityMatch>();
        if (_forms.Count == 0)
        {
            return matches;
        }

        var taken = new bool[words.Count];
        foreach (var (entity, form) in _forms)
        {
            for (var start = 0; start + form.Length <= words.Count; start++)
            {
                if (Overlaps(taken, start, form.Length) || Edits(words, start, form) is not { } edits)
                {
                    continue;
                }

                // A one-word name is only taken when spelt exactly: a stray common word must not become a title.
                if (form.Length == 1 && edits > 0)
                {
                    continue;
                }

                matches.Add(new EntityMatch(entity, start, form.Length, edits));
                for (var i = start; i < start + form.Length; i++)
                {
                    taken[i] = true;
                }
            }
        }

        matches.Sort((x, y) => x.Start.CompareTo(y.Start));
        return matches;
    }

    /// <summary>The words with every name replaced by its placeholder.</summary>
    /// <param name="words">The message's words.</param>
    /// <param name="matches">What <see cref="Find"/> returned for them.</param>
    /// <returns>The masked words.</returns>
    public static List<string> Mask(IReadOnlyList<string> words, IReadOnlyList<EntityMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(matches);
        var masked = new List<string>(words.Count);
        var next = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (next < matches.Count && matches[next].Start == i)
            {
                masked.Add(matches[next].Entity.Placeholder);
                i += matches[next].Length - 1;
                next++;
                continue;
            }

            masked.Add(words[i]);
        }

        return masked;
    }

    private static bool Overlaps(bool[] taken, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (taken[i])
            {
                return true;
            }
        }

        return false;
    }

    private static int? Edits(IReadOnlyList<string> words, int start, string[] form)
    {
        var total = 0;
        for (var i = 0; i < form.Length; i++)
        {
            var tolerance = EditDistance.Tolerance(form[i].Length);
            var distance = EditDistance.Bounded(words[start + i], form[i], tolerance);
            if (distance > tolerance)
            {
                return null;
            }

            total += distance;
        }

        return total;
    }
}

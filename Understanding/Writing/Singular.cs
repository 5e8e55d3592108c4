namespace AuthorBot.Understanding.Writing;

/// <summary>
/// The singular of a lower-case English noun, by the common rules and irregular forms. It only decides which word a
/// plural is looked up as (in the easy-word list, among the words whose syllables no rule counts right), so a rare
/// miss costs a word's classification, never a crash.
/// </summary>
internal static class Singular
{
    private static readonly Dictionary<string, string> _irregular = new(StringComparer.Ordinal)
    {
        ["men"] = "man",
        ["women"] = "woman",
        ["children"] = "child",
        ["people"] = "person",
        ["feet"] = "foot",
        ["teeth"] = "tooth",
        ["geese"] = "goose",
        ["mice"] = "mouse",
        ["oxen"] = "ox",
        ["wives"] = "wife",
        ["knives"] = "knife",
        ["lives"] = "life",
        ["leaves"] = "leaf",
        ["wolves"] = "wolf",
        ["halves"] = "half",
        ["selves"] = "self",
        ["shelves"] = "shelf",
        ["loaves"] = "loaf",
        ["thieves"] = "thief",
    };

    public static string Of(string word)
    {
        if (_irregular.TryGetValue(word, out var singular))
        {
            return singular;
        }

        if (word.Length < 4 || !word.EndsWith('s') || word.EndsWith("ss", StringComparison.Ordinal)
            || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("zzes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word[..^1];
    }
}

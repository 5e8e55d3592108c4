namespace AuthorBot.Dialogs.Quiz;

/// <summary>
/// FNV-1a over UTF-16 code units: the same number for the same text in every process, unlike string.GetHashCode, so a
/// reader's round and a question's choice order survive restarts and tests can rely on them.
/// </summary>
internal static class StableHash
{
    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}

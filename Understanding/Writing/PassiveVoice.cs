using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace AuthorBot.Understanding.Writing;

/// <summary>
/// Passive voice the way retext-passive 5 finds it: a form of "to be" (am, are, is, was, were, be, been, being) as the
/// word directly before a past participle from its list ("was taken", "had been written"). The list holds irregular
/// participles only, so "was killed" goes unflagged, as it does in retext-passive: a regular "-ed" after "was" is as
/// often an adjective ("was tired", "was pleased"), and a flag that is wrong half the time teaches writers to ignore it.
/// </summary>
internal static partial class PassiveVoice
{
    private static readonly FrozenSet<string> _beVerbs = FrozenSet.ToFrozenSet(["am", "are", "were", "being", "is", "been", "was", "be"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _participles = FrozenSet.ToFrozenSet(
        ("awoken awoke beaten beat begun began bent bitten bit bled blown blew broken broke brought built bought caught chosen chose dealt done "
        + "did drawn drew driven drove eaten ate fed felt fought found forbidden forbade forgotten forgot forgiven forgave frozen froze gotten "
        + "got given gave ground grinded hung heard hidden hid hit held hurt kept known knew laid led let lost made meant met paid proven proved "
        + "put read ridden rode rung rang run ran said seen saw sold sent shaken shook shaved shot shown shut sung sunk slain slew slid spoken "
        + "spoke spent spun split spread stolen stole struck swept swung taken took taught torn tore told thought thrown threw undergone underwent "
        + "understood upset woken woke worn wore won withdrawn withdrew written wrote been born become beset bet bid bidden bound bred broadcast "
        + "burnt burst cast clung come cost crept cut dug dived dreamt drunk fallen fit fled flung flown foregone forsaken gone grown knelt knit "
        + "leapt learnt left lent lain lighted misspelt mistaken mown overcome overdone overtaken overthrown pled quit rid risen sawn sought set "
        + "sewn shaven shorn shed shone shod shrunk sat slept slung slit smitten sown sped spilt spit sprung stood stuck stung stunk stridden "
        + "strung striven sworn swollen swum thrived thrust trodden upheld woven wed wept wound withheld withstood wrung").Split(' '),
        StringComparer.Ordinal);

    /// <summary>The passive phrase in <paramref name="sentence"/> ("was taken"), or null when it has none.</summary>
    public static string? Find(string sentence)
    {
        string? previous = null;
        var previousIndex = 0;
        foreach (var match in Word().EnumerateMatches(sentence))
        {
            var word = Normalize(sentence.AsSpan(match.Index, match.Length));
            if (previous is not null && _beVerbs.Contains(previous) && _participles.Contains(word))
            {
                return sentence[previousIndex..(match.Index + match.Length)];
            }

            previous = word;
            previousIndex = match.Index;
        }

        return null;
    }

    private static string Normalize(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (c is not ('-' or '\'' or '\u2019'))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    [GeneratedRegex("[\\p{L}\\p{N}]+(?:['\u2019-][\\p{L}\\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}

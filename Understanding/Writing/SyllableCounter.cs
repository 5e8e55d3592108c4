using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AuthorBot.Understanding.Writing;

/// <summary>
/// Syllables in English words by the rules of the npm package <c>syllable</c> 5.0.1 (MIT, Titus Wormer), which
/// <c>text-readability</c> counts with: vowel groups, corrected by expressions for endings that count one more or one
/// less, and a short list of words no rule gets right. Porting the rules rather than inventing others keeps the grades
/// comparable with the figures writers see in other tools. A counter caches per word, so it is for one analysis at a time.
/// </summary>
internal sealed partial class SyllableCounter
{
    private static readonly FrozenDictionary<string, int> _problematic = (
        "abalone:4 abare:3 abbruzzese:4 abed:2 aborigine:5 abruzzese:4 acreage:3 adame:3 adieu:2 adobe:3 "
        + "anemone:4 anyone:3 apache:3 aphrodite:4 apostrophe:4 ariadne:4 cafe:2 calliope:4 catastrophe:4 "
        + "chile:2 chloe:2 circe:2 coyote:3 daphne:2 epitome:4 eurydice:4 euterpe:3 every:2 everywhere:3 "
        + "forever:3 gethsemane:4 guacamole:4 hermione:4 hyperbole:4 jesse:2 jukebox:2 karate:3 machete:3 "
        + "maybe:2 naive:2 newlywed:3 penelope:4 people:2 persephone:4 phoebe:2 pulse:1 queue:1 recipe:3 "
        + "riverbed:3 sesame:3 shoreline:2 simile:3 snuffleupagus:5 sometimes:2 syncope:3 tamale:3 waterbed:3 "
        + "wednesday:2 yosemite:4 zoe:2 ")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(entry => entry.Split(':'))
        .ToFrozenDictionary(entry => entry[0], entry => int.Parse(entry[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private readonly Dictionary<string, int> _cache = new(StringComparer.Ordinal);

    /// <summary>Syllables in all the words of <paramref name="text"/> (runs of letters, digits and underscores; digits count nothing).</summary>
    public int CountText(string text)
    {
        var folded = Fold(text);
        var sum = 0;
        foreach (var match in WordRun().EnumerateMatches(folded))
        {
            sum += CountWord(folded.AsSpan(match.Index, match.Length));
        }

        return sum;
    }

    /// <summary>Syllables in one run of word characters, already lower case (non-letters are dropped first).</summary>
    public int CountWord(ReadOnlySpan<char> run)
    {
        Span<char> letters = run.Length <= 128 ? stackalloc char[run.Length] : new char[run.Length];
        var length = 0;
        foreach (var c in run)
        {
            if (c is >= 'a' and <= 'z')
            {
                letters[length++] = c;
            }
        }

        if (length == 0)
        {
            return 0;
        }

        if (length < 3)
        {
            return 1;
        }

        var lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(letters[..length], out var cached))
        {
            return cached;
        }

        var word = new string(letters[..length]);
        var count = One(word);
        _cache[word] = count;
        return count;
    }

    /// <summary>Lower case, accents folded to ASCII letters, apostrophes removed, as the package prepares text.</summary>
    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var ascii = true;
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                ascii = false;
                break;
            }
        }

        var source = ascii ? text : text.Normalize(NormalizationForm.FormD);
        foreach (var c in source)
        {
            if (c is '\'' or '\u2019')
            {
                continue;
            }

            if (!ascii && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }

        return builder.ToString();
    }

    private static int One(string value)
    {
        if (_problematic.TryGetValue(value, out var known))
        {
            return known;
        }

        if (_problematic.TryGetValue(Singular.Of(value), out known))
        {
            return known;
        }

        var count = 0;
        value = Triple().Replace(value, _ => { count += 3; return string.Empty; });
        value = Double().Replace(value, _ => { count += 2; return string.Empty; });
        value = Single().Replace(value, _ => { count += 1; return string.Empty; });

        foreach (var part in NonVowels().Split(value))
        {
            if (part.Length > 0)
            {
                count++;
            }
        }

        count -= MonosyllabicOne().Count(value);
        count -= MonosyllabicTwo().Count(value);
        count += DoubleSyllabicOne().Count(value);
        count += DoubleSyllabicTwo().Count(value);
        count += DoubleSyllabicThree().Count(value);
        count += DoubleSyllabicFour().IsMatch(value) ? 1 : 0;
        return count == 0 ? 1 : count;
    }

    [GeneratedRegex("[a-z0-9_]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordRun();

    [GeneratedRegex("[^aeiouy]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonVowels();

    [GeneratedRegex("(creations?|ology|ologist|onomy|onomist)$", RegexOptions.CultureInvariant)]
    private static partial Regex Triple();

    [GeneratedRegex("^(?:above|anti|ante|counter|hyper|afore|agri|infra|intra|inter|over|semi|ultra|under|extra|dia|micro|mega|kilo|pico|nano|macro|somer)|(?:fully|berry|woman|women|edly|union|((?:[bcdfghjklmnpqrstvwxz])|[aeiou])ye?ing)$", RegexOptions.CultureInvariant)]
    private static partial Regex Double();

    [GeneratedRegex("^(?:un|fore|ware|none?|out|post|sub|pre|pro|dis|side|some)|(?:ly|less|some|ful|ers?|ness|cians?|ments?|ettes?|villes?|ships?|sides?|ports?|shires?|[gnst]ion(?:ed|s)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Single();

    [GeneratedRegex("awe($|d|so)|cia(?:l|$)|tia|cius|cious|[^aeiou]giu|[aeiouy][^aeiouy]ion|iou|sia$|eous$|[oa]gue$|.[^aeiuoycgltdb]{2,}ed$|.ely$|^jua|uai|eau|^busi$|(?:[aeiouy](?:[bcfgklmnprsvwxyz]|ch|dg|g[hn]|lch|l[lv]|mm|nch|n[cgn]|r[bcnsv]|squ|s[chkls]|th)ed$)|(?:[aeiouy](?:[bdfklmnprstvy]|ch|g[hn]|lch|l[lv]|mm|nch|nn|r[nsv]|squ|s[cklst]|th)es$)", RegexOptions.CultureInvariant)]
    private static partial Regex MonosyllabicOne();

    [GeneratedRegex("[aeiouy](?:[bcdfgklmnprstvyz]|ch|dg|g[hn]|l[lv]|mm|n[cgns]|r[cnsv]|squ|s[cklst]|th)e$", RegexOptions.CultureInvariant)]
    private static partial Regex MonosyllabicTwo();

    [GeneratedRegex("(?:([^aeiouy])\\1l|[^aeiouy]ie(?:r|s?t)|[aeiouym]bl|eo|ism|asm|thm|dnt|snt|uity|dea|gean|oa|ua|react?|orbed|shred|eings?|[aeiouy]sh?e[rs])$", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleSyllabicOne();

    [GeneratedRegex("creat(?!u)|[^gq]ua[^auieo]|[aeiou]{3}|^(?:ia|mc|coa[dglx].)|^re(app|es|im|us)|(th|d)eist", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleSyllabicTwo();

    [GeneratedRegex("[^aeiou]y[ae]|[^l]lien|riet|dien|iu|io|ii|uen|[aeilotu]real|real[aeilotu]|iell|eo[^aeiou]|[aeiou]y[aeiou]", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleSyllabicThree();

    [GeneratedRegex("[^s]ia", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleSyllabicFour();
}

using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.Sequence.English;

/// <summary>Patterns for e-mail addresses and URLs (after Recognizers-Text's sequence definitions, MIT, see NOTICE).</summary>
internal static partial class EnglishSequenceData
{
    /// <summary>
    /// An e-mail address: dot-separated local-part atoms (no leading, trailing or doubled dots), then a host of
    /// letter/digit/hyphen labels ending in a letters-only top-level domain, or a bracketed IPv4 literal.
    /// </summary>
    [GeneratedRegex(
        @"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*@" +
        @"(?:(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}|\[\d{1,3}(?:\.\d{1,3}){3}\])" +
        @"(?![A-Za-z0-9_@\-]|\.[A-Za-z0-9])",
        RegexOptions.CultureInvariant)]
    public static partial Regex Email();

    /// <summary>A URL with a scheme: host name, "localhost" or IPv4, optional port, optional path/query/fragment.</summary>
    [GeneratedRegex(
        @"\b(?:https?|ftp)://" +
        @"(?<host>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*)?\.)+(?<tld>[A-Za-z]{2,})|localhost|\d{1,3}(?:\.\d{1,3}){3}|\d{1,3}\.(?:am|pm))" +
        @"(?::\d{1,5})?" +
        @"(?:[/?#][^\s""'<>\[\]{}|\\^`]*)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex SchemeUrl();

    /// <summary>A URL without a scheme ("www.abc.com", "bit.ly/x"): checked against <see cref="TopLevelDomains"/>.</summary>
    [GeneratedRegex(
        @"(?<![A-Za-z0-9@.\-/:])(?<host>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+(?<tld>[A-Za-z]{2,}))" +
        @"(?![A-Za-z0-9\-@])(?::\d{1,5})?" +
        @"(?:[/?#][^\s""'<>\[\]{}|\\^`]*)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex BareUrl();

    /// <summary>"7.am" and "12.pm" are times far more often than domains.</summary>
    [GeneratedRegex(@"^(?:0?\d|1[0-2])\.(?:am|pm)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex AmbiguousTimeDomain();

    /// <summary>Top-level domains accepted: generic ones in common use and the two-letter country codes.</summary>
    public static readonly FrozenSet<string> TopLevelDomains = BuildTopLevelDomains();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TopLevelDomainLookup =
        TopLevelDomains.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenSet<string> BuildTopLevelDomains()
    {
        string[] generic =
        [
            "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi", "app", "dev", "io",
            "ai", "academy", "aws", "cloud", "online", "site", "website", "tech", "store", "shop", "blog", "news",
            "media", "live", "tv", "me", "ly", "ms", "si", "am", "pm", "co", "us", "uk", "eu", "asia", "travel",
            "jobs", "museum", "aero", "coop", "page", "email", "link", "club", "design", "global", "agency", "studio",
            "world", "today", "space", "digital", "network", "solutions", "services", "systems", "software", "company",
            "group", "life", "xyz", "top", "wiki", "social", "chat", "bot", "books", "book", "author", "pub", "reviews",
        ];
        const string countryCodes =
            "ac ad ae af ag al ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc cd " +
            "cf cg ch ci ck cl cm cn cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et fi fj fk fm fo fr ga gd ge " +
            "gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in iq ir is it je jm jo jp ke kg " +
            "kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ma mc md mg mh mk ml mm mn mo mp mq mr mt mu mv mw " +
            "mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pn pr ps pt pw py qa re ro rs ru rw sa " +
            "sb sc sd se sg sh sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tw tz ua ug " +
            "uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";
        return generic.Concat(countryCodes.Split(' ')).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}

using System.Collections.Frozen;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.TimeZones;

namespace AuthorBot.Dialogs.Preferences;

/// <summary>
/// Turns what a reader types ("London", "new york", "Europe/Paris", "pacific time", "Japan") into an IANA time zone
/// from NodaTime's TZDB: zone ids, their cities, countries with a single zone, and a few common names.
/// </summary>
public static partial class TimeZoneResolver
{
    private static readonly FrozenDictionary<string, string> _names = BuildNames();

    /// <summary>Finds the zone a reader means.</summary>
    /// <param name="text">The reader's answer.</param>
    /// <param name="zoneId">The canonical IANA id when found.</param>
    /// <returns>True when the answer names exactly one zone.</returns>
    public static bool TryResolve(string? text, out string zoneId)
    {
        zoneId = string.Empty;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return false;
        }

        var name = Filler().Replace(Spaces().Replace(text.Trim().ToLowerInvariant().Replace('_', ' '), " "), string.Empty).Trim(' ', '.', '!', '?');
        if (_names.TryGetValue(name, out var found))
        {
            zoneId = found;
            return true;
        }

        return false;
    }

    /// <summary>The zone for an id stored in a profile.</summary>
    /// <param name="zoneId">The id, or null.</param>
    /// <returns>The zone, or null when the id is missing or unknown.</returns>
    public static DateTimeZone? Find(string? zoneId) =>
        string.IsNullOrEmpty(zoneId) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);

    private static FrozenDictionary<string, string> BuildNames()
    {
        var source = TzdbDateTimeZoneSource.Default;
        var canonical = source.CanonicalIdMap;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);

        // Common names people use for zones; TZDB itself has no "pacific time" or "india".
        (string Name, string Zone)[] common =
        [
            ("utc", "Etc/UTC"), ("gmt", "Etc/GMT"), ("zulu", "Etc/UTC"), ("universal time", "Etc/UTC"),
            ("uk", "Europe/London"), ("england", "Europe/London"), ("britain", "Europe/London"), ("scotland", "Europe/London"),
            ("wales", "Europe/London"), ("edinburgh", "Europe/London"), ("manchester", "Europe/London"), ("bst", "Europe/London"),
            ("eastern", "America/New_York"), ("eastern time", "America/New_York"), ("est", "America/New_York"), ("edt", "America/New_York"),
            ("boston", "America/New_York"), ("washington dc", "America/New_York"), ("miami", "America/New_York"), ("atlanta", "America/New_York"),
            ("central", "America/Chicago"), ("central time", "America/Chicago"), ("cst", "America/Chicago"), ("cdt", "America/Chicago"),
            ("dallas", "America/Chicago"), ("houston", "America/Chicago"), ("austin", "America/Chicago"),
            ("mountain", "America/Denver"), ("mountain time", "America/Denver"), ("mst", "America/Denver"), ("mdt", "America/Denver"),
            ("pacific", "America/Los_Angeles"), ("pacific time", "America/Los_Angeles"), ("pst", "America/Los_Angeles"),
            ("pdt", "America/Los_Angeles"), ("san francisco", "America/Los_Angeles"), ("seattle", "America/Los_Angeles"),
            ("cet", "Europe/Paris"), ("central european time", "Europe/Paris"), ("india", "Asia/Kolkata"), ("ist", "Asia/Kolkata"),
            ("mumbai", "Asia/Kolkata"), ("delhi", "Asia/Kolkata"), ("new delhi", "Asia/Kolkata"), ("bangalore", "Asia/Kolkata"),
            ("beijing", "Asia/Shanghai"), ("china", "Asia/Shanghai"),
        ];
        foreach (var (name, zone) in common)
        {
            names[name] = zone;
        }

        // Every TZDB id by itself ("europe/london") and by its city ("london", "new york"), canonical zones first so
        // an alias never shadows the zone it points to.
        foreach (var id in source.GetIds().OrderBy(id => canonical[id] == id ? 0 : 1).ThenBy(id => id, StringComparer.Ordinal))
        {
            var target = canonical[id];
            names.TryAdd(id.ToLowerInvariant().Replace('_', ' '), target);
            var slash = id.LastIndexOf('/');
            if (slash > 0 && !id.StartsWith("Etc/", StringComparison.Ordinal))
            {
                names.TryAdd(id[(slash + 1)..].ToLowerInvariant().Replace('_', ' '), target);
            }
        }

        // Countries that keep a single zone ("japan", "france"); countries with several are ambiguous and skipped.
        foreach (var country in (source.ZoneLocations ?? []).GroupBy(l => l.CountryName.ToLowerInvariant()))
        {
            var zones = country.Select(l => l.ZoneId).Distinct(StringComparer.Ordinal).ToList();
            if (zones.Count == 1)
            {
                names.TryAdd(country.Key, zones[0]);
            }
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^(?:(?:i'm|i am|i live|i'm based|we're|we are|based|it's|its|my time ?zone is|time ?zone|set it to|use)\s+)?(?:(?:in|to|is)\s+)?(?:the\s+)?|\s+(?:time|time ?zone|please)$")]
    private static partial Regex Filler();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Preferences;

/// <summary>
/// The reader's contact preferences as one Adaptive Card form (time zone, quiet hours, how often, topics, announcements
/// on or off) and the reading of its submission: every field is checked first, and either all of them are saved or none.
/// </summary>
internal static class PreferencesForm
{
    /// <summary>The submit button's action.</summary>
    public const string SaveAction = "save-preferences";

    /// <summary>Input ids, which are the submitted value's properties.</summary>
    public const string TimeZoneField = "timeZone";

    /// <summary>Input ids, which are the submitted value's properties.</summary>
    public const string QuietHoursField = "quietHours";

    /// <summary>Input ids, which are the submitted value's properties.</summary>
    public const string PerWeekField = "perWeek";

    /// <summary>Input ids, which are the submitted value's properties.</summary>
    public const string TopicsField = "topics";

    /// <summary>Input ids, which are the submitted value's properties.</summary>
    public const string AnnouncementsField = "announcements";

    private static readonly (string Title, int PerWeek)[] _frequencies = [("Once a week", 1), ("Up to 3 a week", 3), ("Up to 7 a week", 7)];

    /// <summary>The form, filled in with what the profile holds now.</summary>
    /// <param name="profile">The reader's profile.</param>
    /// <param name="topicExamples">Topics to suggest in the placeholder.</param>
    /// <returns>The card.</returns>
    public static JsonObject Card(ReaderProfile profile, string topicExamples)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var preferences = profile.Preferences;
        var perWeek = _frequencies.Any(f => f.PerWeek == preferences.MaxAnnouncementsPerWeek) ? preferences.MaxAnnouncementsPerWeek : 3;
        List<JsonNode> body =
        [
            AdaptiveCards.TextBlock("Your preferences", size: "medium", weight: "bolder"),
            AdaptiveCards.TextBlock("Change what you like, then press Save.", subtle: true),
            AdaptiveCards.TextInput(TimeZoneField, "Time zone", TimeZoneResolver.Find(profile.TimeZone)?.Id, "A city like London, or an id like Europe/Paris"),
            AdaptiveCards.TextInput(
                QuietHoursField,
                "Quiet hours (no messages then, your time)",
                preferences.QuietHoursStart is null ? null : QuietHoursParser.Describe(preferences.QuietHoursStart, preferences.QuietHoursEnd),
                "For example 10pm to 7am; empty for none"),
            AdaptiveCards.ChoiceInput(
                PerWeekField,
                "How many announcements may I send you?",
                _frequencies.Select(f => (f.Title, f.PerWeek.ToString(CultureInfo.InvariantCulture))),
                perWeek.ToString(CultureInfo.InvariantCulture)),
            AdaptiveCards.TextInput(TopicsField, "Topics", profile.Interests.Count == 0 ? null : string.Join(", ", profile.Interests), "For example " + topicExamples),
            AdaptiveCards.ToggleInput(AnnouncementsField, "Announcements", "Send me the author's announcements", !preferences.AnnouncementsOptOut),
        ];
        JsonNode[] actions = [AdaptiveCards.Submit("Save", new JsonObject { [CardSubmit.ActionProperty] = SaveAction }, style: "positive")];
        return AdaptiveCards.Card(body, actions, "Your preferences: time zone, quiet hours, how often, topics. Say \"preferences\" in a chat that shows cards to change them.");
    }

    /// <summary>
    /// Checks every submitted field and, only when all are valid, saves them into the profile. An empty time zone
    /// leaves it as it was; empty quiet hours or topics mean none.
    /// </summary>
    /// <param name="profile">The reader's profile.</param>
    /// <param name="submitted">The submission's value.</param>
    /// <returns>What was wrong, one sentence per field; empty when everything was saved.</returns>
    public static IReadOnlyList<string> TryApply(ReaderProfile profile, JsonElement? submitted)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<string>();
        var zoneText = CardSubmit.Text(submitted, TimeZoneField)?.Trim();
        string? zone = null;
        if (!string.IsNullOrEmpty(zoneText) && TimeZoneResolver.Find(zoneText) is { } exact)
        {
            zone = exact.Id;
        }
        else if (!string.IsNullOrEmpty(zoneText) && !TimeZoneResolver.TryResolve(zoneText, out zone))
        {
            problems.Add($"I don't know the time zone \"{zoneText}\": try the nearest big city or an id like Europe/Paris.");
        }

        var quietText = CardSubmit.Text(submitted, QuietHoursField)?.Trim();
        int? quietStart = null;
        int? quietEnd = null;
        if (!string.IsNullOrEmpty(quietText) && !QuietHoursParser.TryParse(quietText, out quietStart, out quietEnd))
        {
            problems.Add($"I can't read the quiet hours \"{quietText}\": give whole hours like 10pm to 7am, or leave them empty.");
        }

        var perWeekText = CardSubmit.Text(submitted, PerWeekField);
        var perWeek = _frequencies.FirstOrDefault(f => f.PerWeek.ToString(CultureInfo.InvariantCulture) == perWeekText).PerWeek;
        if (perWeekText is not null && perWeek == 0)
        {
            problems.Add("Please pick how many announcements I may send you from the list.");
        }

        var topicsText = CardSubmit.Text(submitted, TopicsField)?.Trim();
        IReadOnlyList<string> topics = [];
        if (!string.IsNullOrEmpty(topicsText) && !TopicsParser.TryParse(topicsText, out topics))
        {
            problems.Add($"Please list up to {TopicsParser.MaxTopics} short topics separated by commas.");
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var preferences = profile.Preferences;
        if (zone is not null && zone != profile.TimeZone)
        {
            profile.TimeZone = zone;
            profile.TimeZoneFromClient = false;
        }

        (preferences.QuietHoursStart, preferences.QuietHoursEnd) = (quietStart, quietEnd);
        if (perWeek > 0)
        {
            preferences.MaxAnnouncementsPerWeek = perWeek;
        }

        if (topicsText is not null)
        {
            profile.Interests = [.. topics];
        }

        if (CardSubmit.Text(submitted, AnnouncementsField) is { } on)
        {
            preferences.AnnouncementsOptOut = !string.Equals(on, "true", StringComparison.OrdinalIgnoreCase);
        }

        return [];
    }
}

using System.Text.Json;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Preferences;

namespace AuthorBot.Dialogs.Profile;

/// <summary>
/// What the reader's client says about them on every activity, kept in their profile: Teams' Entra object id and
/// tenant, the locale, and the time zone of the <c>clientInfo</c> entity (used until the reader picks one).
/// </summary>
internal static class ClientContext
{
    private const string ClientInfoEntity = "clientInfo";

    /// <summary>Copies the activity's context into the profile; returns whether anything changed.</summary>
    public static bool Apply(ReaderProfile profile, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(activity);
        var changed = false;
        var info = activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, ClientInfoEntity, StringComparison.Ordinal))?.Properties;
        changed |= Set(activity.From?.AadObjectId, profile.AadObjectId, v => profile.AadObjectId = v);
        changed |= Set(activity.Conversation?.TenantId ?? ChannelDataTenant(activity), profile.TenantId, v => profile.TenantId = v);
        changed |= Set(Text(info, "locale") ?? activity.Locale, profile.Locale, v => profile.Locale = v);

        var zone = Text(info, "timezone") ?? activity.LocalTimezone;
        if ((profile.TimeZone is null || profile.TimeZoneFromClient) && TimeZoneResolver.Find(zone) is { } found && found.Id != profile.TimeZone)
        {
            profile.TimeZone = found.Id;
            profile.TimeZoneFromClient = true;
            changed = true;
        }

        return changed;
    }

    private static bool Set(string? value, string? current, Action<string> set)
    {
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value, current, StringComparison.Ordinal))
        {
            return false;
        }

        set(value);
        return true;
    }

    // Older Teams payloads name the tenant only in channelData.tenant.id.
    private static string? ChannelDataTenant(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static string? Text(IDictionary<string, JsonElement>? properties, string name) =>
        properties is not null && properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

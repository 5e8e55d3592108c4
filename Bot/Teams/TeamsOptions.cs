namespace AuthorBot.Bot.Teams;

/// <summary>Teams settings (configuration section <c>Teams</c>).</summary>
internal sealed class TeamsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Teams";

    /// <summary>
    /// The Microsoft 365 tenants (directory ids) whose people may use the bot in Teams; empty lets every tenant in.
    /// Configured as a list (<c>Teams:AllowedTenants:0</c>, ...) or one comma-separated value.
    /// </summary>
    public HashSet<string> AllowedTenants { get; } = new(StringComparer.OrdinalIgnoreCase);
}

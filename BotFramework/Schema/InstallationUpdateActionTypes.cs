namespace AuthorBot.BotFramework.Schema;

/// <summary>Wire values of <c>action</c> on installationUpdate activities (Teams adds the -upgrade forms).</summary>
public static class InstallationUpdateActionTypes
{
    /// <summary>"add".</summary>
    public const string Add = "add";

    /// <summary>"remove".</summary>
    public const string Remove = "remove";

    /// <summary>"add-upgrade".</summary>
    public const string AddUpgrade = "add-upgrade";

    /// <summary>"remove-upgrade".</summary>
    public const string RemoveUpgrade = "remove-upgrade";
}

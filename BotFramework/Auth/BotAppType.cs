namespace AuthorBot.BotFramework.Auth;

/// <summary>How the bot's identity is registered (Bot Builder's <c>MicrosoftAppType</c>).</summary>
public enum BotAppType
{
    /// <summary>An app registration usable from any tenant; outbound tokens from the botframework.com tenant.</summary>
    MultiTenant = 1,

    /// <summary>An app registration of one tenant (<c>MicrosoftAppTenantId</c>).</summary>
    SingleTenant = 2,

    /// <summary>A user-assigned managed identity (<c>MicrosoftAppId</c> is its client id); no secret.</summary>
    UserAssignedMSI = 3,
}

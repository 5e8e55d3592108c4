namespace AuthorBot.BotFramework.Schema;

/// <summary>Well-known channel ids.</summary>
public static class Channels
{
    /// <summary>"msteams".</summary>
    public const string Msteams = "msteams";

    /// <summary>"emulator".</summary>
    public const string Emulator = "emulator";

    /// <summary>"directline".</summary>
    public const string Directline = "directline";

    /// <summary>"directlinespeech".</summary>
    public const string DirectlineSpeech = "directlinespeech";

    /// <summary>"webchat".</summary>
    public const string Webchat = "webchat";

    /// <summary>"test".</summary>
    public const string Test = "test";

    /// <summary>"slack".</summary>
    public const string Slack = "slack";

    /// <summary>"telegram".</summary>
    public const string Telegram = "telegram";

    /// <summary>"facebook".</summary>
    public const string Facebook = "facebook";

    /// <summary>"line".</summary>
    public const string Line = "line";

    /// <summary>"skype".</summary>
    public const string Skype = "skype";

    /// <summary>"email".</summary>
    public const string Email = "email";

    /// <summary>"sms".</summary>
    public const string Sms = "sms";
}

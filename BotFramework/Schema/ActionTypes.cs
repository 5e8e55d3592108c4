namespace AuthorBot.BotFramework.Schema;

/// <summary>Wire values of <c>CardAction.type</c>.</summary>
public static class ActionTypes
{
    /// <summary>"openUrl".</summary>
    public const string OpenUrl = "openUrl";

    /// <summary>"imBack".</summary>
    public const string ImBack = "imBack";

    /// <summary>"postBack".</summary>
    public const string PostBack = "postBack";

    /// <summary>"playAudio".</summary>
    public const string PlayAudio = "playAudio";

    /// <summary>"playVideo".</summary>
    public const string PlayVideo = "playVideo";

    /// <summary>"showImage".</summary>
    public const string ShowImage = "showImage";

    /// <summary>"downloadFile".</summary>
    public const string DownloadFile = "downloadFile";

    /// <summary>"signin".</summary>
    public const string Signin = "signin";

    /// <summary>"call".</summary>
    public const string Call = "call";

    /// <summary>"messageBack".</summary>
    public const string MessageBack = "messageBack";
}

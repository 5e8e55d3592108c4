namespace AuthorBot.BotFramework.DirectLine;

/// <summary>Outcome of checking a token.</summary>
internal enum DirectLineTokenStatus
{
    /// <summary>Not a token this server issued (bad format or signature).</summary>
    Invalid,

    /// <summary>Issued here but past its expiry.</summary>
    Expired,

    /// <summary>Good to use.</summary>
    Valid,
}

/// <summary>A token check: the status and, when valid, what the token grants.</summary>
internal sealed record DirectLineTokenCheck(DirectLineTokenStatus Status, DirectLineToken? Token)
{
    public static DirectLineTokenCheck Invalid { get; } = new(DirectLineTokenStatus.Invalid, null);

    public static DirectLineTokenCheck Expired { get; } = new(DirectLineTokenStatus.Expired, null);
}

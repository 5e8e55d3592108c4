namespace AuthorBot.Bot.Newsletter;

/// <summary>The SMTP server confirmation emails go through (<c>Email:Smtp</c>).</summary>
internal sealed class SmtpOptions
{
    /// <summary>The server's host name.</summary>
    public string? Host { get; set; }

    /// <summary>The port; by default 587 for StartTls, 465 for SslOnConnect, 25 for None.</summary>
    public int? Port { get; set; }

    /// <summary>How the connection is secured.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The login, when the server needs one.</summary>
    public string? User { get; set; }

    /// <summary>The password (from configuration, or a Key Vault reference in App Service).</summary>
    public string? Password { get; set; }

    /// <summary>How long one connection or command may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The port actually used.</summary>
    public int EffectivePort => Port ?? Security switch
    {
        SmtpSecurity.SslOnConnect => 465,
        SmtpSecurity.None => 25,
        _ => 587,
    };
}

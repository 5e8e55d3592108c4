namespace AuthorBot.Bot.Newsletter;

/// <summary>How the SMTP connection is secured (<c>Email:Smtp:Security</c>).</summary>
internal enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same machine or network (and tests).</summary>
    None,

    /// <summary>Plain connect, then STARTTLS, which must succeed (submission port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

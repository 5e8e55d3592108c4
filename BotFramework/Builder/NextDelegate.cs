namespace AuthorBot.BotFramework.Builder;

/// <summary>Runs the rest of the middleware pipeline (and finally the bot).</summary>
/// <param name="cancellationToken">Cancels the turn.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Bot Builder's public name, kept so its users feel at home.")]
public delegate Task NextDelegate(CancellationToken cancellationToken);

namespace AuthorBot.Bot.ChatPage;

/// <summary>What the chat page shows around Web Chat: the author's name, photo, accent colour and tagline.</summary>
internal sealed record ChatBranding(string Name, string? Photo, string AccentColor, string? Tagline, string? Website);

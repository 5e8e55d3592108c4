namespace AuthorBot.WebChat.Tests;

/// <summary>How Web Chat receives activities: the page's default, or polling chosen by <c>?transport=polling</c>.</summary>
public enum ChatTransport
{
    WebSocket,
    Polling,
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AuthorBot.Bot.Hosting;

/// <summary>The one line a user sees when another program already listens where the bot wants to.</summary>
internal static partial class PortInUse
{
    /// <summary>
    /// Tries each listen address before the host starts, so a busy port is one line of advice instead of the host's
    /// "Hosting failed to start" log with a 30-line stack trace. Returns that line, or null when every port is free.
    /// </summary>
    public static string? Check(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || ListenAddress(uri.Host) is not { } address)
            {
                continue;
            }

            try
            {
                var probe = new TcpListener(address, uri.Port);
                probe.Start();
                probe.Stop();
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return Advice(url.TrimEnd('/'), uri.Port);
            }
        }

        return null;
    }

    /// <summary>The same advice from Kestrel's own bind failure, for a port taken between the check and the start.</summary>
    public static string Explain(string kestrelMessage)
    {
        var match = AddressPattern().Match(kestrelMessage);
        return match.Success && int.TryParse(match.Groups["port"].Value, CultureInfo.InvariantCulture, out var port)
            ? Advice(match.Groups["address"].Value, port)
            : Advice("the configured address", AuthorBotApp.DefaultPort);
    }

    private static string Advice(string address, int port)
    {
        var next = port < 65535 ? port + 1 : AuthorBotApp.DefaultPort + 1;
        return $"AuthorBot cannot start: port {port} is already in use ({address}). Stop the program using it, or pick another port: PORT={next} dotnet run --project Bot (or --urls http://localhost:{next}).";
    }

    private static IPAddress? ListenAddress(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip
        : null;

    [GeneratedRegex(@"address (?<address>\S+?:(?<port>\d+))", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AddressPattern();
}

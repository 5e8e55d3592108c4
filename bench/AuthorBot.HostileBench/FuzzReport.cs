namespace AuthorBot.HostileBench;

/// <summary>What a fuzz run saw.</summary>
/// <param name="Requests">Requests sent (WebSocket handshakes included).</param>
/// <param name="Statuses">"surface status" to count.</param>
/// <param name="ServerErrors">Answers in 500-599 other than a 501 to an invoke, with what was sent.</param>
/// <param name="Dropped">Requests that got no HTTP answer at all (reset, closed, timed out).</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record FuzzReport(int Requests, IReadOnlyDictionary<string, int> Statuses, IReadOnlyList<string> ServerErrors, IReadOnlyList<string> Dropped, TimeSpan Elapsed)
{
    /// <summary>
    /// Requests whose target the HTTP server refuses at the request line (400, Connection: close, before any body is
    /// read): the answer was sent, but HttpClient was still writing the body and saw a broken pipe. Not dropped.
    /// </summary>
    public IReadOnlyList<string> RefusedRequestLines { get; init; } = [];

    /// <summary>Answers 501 to invokes (documented: no handler took the invoke).</summary>
    public int InvokeNotImplemented => Statuses.Where(s => s.Key.EndsWith(" 501", StringComparison.Ordinal)).Sum(s => s.Value) - ServerErrors.Count(e => e.StartsWith("501 ", StringComparison.Ordinal));

    /// <summary>One line per surface and status, then the problems.</summary>
    public string Describe()
    {
        var lines = new List<string>
        {
            FormattableString.Invariant($"{Requests} hostile requests in {Elapsed.TotalSeconds:F1} s; 5xx (other than 501 to an invoke): {ServerErrors.Count}; dropped connections: {Dropped.Count}; refused at the request line by the HTTP server while the body was still being sent: {RefusedRequestLines.Count}"),
        };
        lines.AddRange(Statuses.Select(s => FormattableString.Invariant($"  {s.Key}: {s.Value}")));
        lines.AddRange(ServerErrors.Take(20).Select(e => "  5xx: " + e));
        lines.AddRange(Dropped.Take(20).Select(d => "  dropped: " + d));
        lines.AddRange(RefusedRequestLines.Take(20).Select(d => "  refused at the request line: " + d));
        return string.Join(Environment.NewLine, lines);
    }
}

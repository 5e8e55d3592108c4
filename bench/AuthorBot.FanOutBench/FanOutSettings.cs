namespace AuthorBot.FanOutBench;

/// <summary>What one benchmark invocation measures.</summary>
/// <param name="Readers">Readers in the measured announcement.</param>
/// <param name="Rates">Configured Announcements:MaxPerSecond values, one fresh bot each.</param>
/// <param name="WarmupReaders">Readers of a first, unmeasured announcement (JIT and connection warm-up).</param>
/// <param name="Audience">"all" (no profiles needed) or "subscribers" (every reader has a subscribed profile).</param>
/// <param name="Pin">Bot on CPU 0, channel on CPU 1.</param>
/// <param name="MaxConcurrentSends">Announcements:MaxConcurrentSends, or the bot's default.</param>
/// <param name="BotSettings">Further command-line settings for the bot (<c>--Key=Value</c>), after the benchmark's own.</param>
internal sealed record FanOutSettings(int Readers, IReadOnlyList<int> Rates, int WarmupReaders, string Audience, bool Pin, int? MaxConcurrentSends, IReadOnlyList<string> BotSettings);

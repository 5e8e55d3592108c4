namespace AuthorBot.FanOutBench;

/// <summary>One rate's figures.</summary>
/// <param name="Rate">Configured messages per second.</param>
/// <param name="Readers">Readers targeted.</param>
/// <param name="Ideal">(N - 1) / rate: the first to the last send of a perfectly paced run.</param>
/// <param name="FirstToLast">First to last arrival at the channel.</param>
/// <param name="PostToLast">From sending the POST to the last arrival at the channel.</param>
/// <param name="PostResponse">How long the POST (planning) took to answer.</param>
/// <param name="BotCpuMsPerDelivery">The bot process's CPU time from the POST to the last outcome written, per reader.</param>
/// <param name="ChannelCpuMsPerDelivery">The channel process's CPU time over the same span, per reader.</param>
/// <param name="Sent">Deliveries the bot reports as sent.</param>
/// <param name="Duplicates">Posts beyond one per reader (by conversation or by idempotency key, whichever is more).</param>
/// <param name="Missing">Readers whose conversation received nothing.</param>
/// <param name="LoadAverage">The machine's one-minute load average when the run ended (Linux), to judge how quiet it was.</param>
internal sealed record FanOutResult(
    int Rate,
    int Readers,
    TimeSpan Ideal,
    TimeSpan FirstToLast,
    TimeSpan PostToLast,
    TimeSpan PostResponse,
    double BotCpuMsPerDelivery,
    double ChannelCpuMsPerDelivery,
    int Sent,
    int Duplicates,
    int Missing,
    string LoadAverage)
{
    public double FirstToLastOverheadPercent => (FirstToLast / Ideal - 1) * 100;

    public double PostToLastOverheadPercent => (PostToLast / Ideal - 1) * 100;

    public bool Correct => Duplicates == 0 && Missing == 0 && Sent == Readers;
}

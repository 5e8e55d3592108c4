namespace AuthorBot.FanOutBench;

/// <summary>One kill's figures.</summary>
/// <param name="Kill">Which run (1-based).</param>
/// <param name="PostsAtKill">Posts the channel had received when the bot was killed.</param>
/// <param name="Sent">Deliveries the restarted bot reports as sent.</param>
/// <param name="ConnectorCopies">Emulator-channel readers' posts beyond the first (second copies caused by the kill).</param>
/// <param name="ConnectorMissing">Emulator-channel readers who got nothing.</param>
/// <param name="DirectLineCopies">Announcement activities beyond the first in the Direct Line readers' logs.</param>
/// <param name="DirectLineMissing">Direct Line readers whose log has no announcement.</param>
/// <param name="LoadAverage">The one-minute load average when the run ended.</param>
internal sealed record CrashResult(int Kill, int PostsAtKill, int Sent, int ConnectorCopies, int ConnectorMissing, int DirectLineCopies, int DirectLineMissing, string LoadAverage);

using System.Text.RegularExpressions;

namespace AuthorBot.Deployment.Tests;

/// <summary>One run of the Bicep CLI: its exit code, its output and the diagnostics it printed.</summary>
internal sealed partial record BicepRun(string Command, int ExitCode, string Output, string Errors)
{
    /// <summary>Every "Warning" or "Error" diagnostic the CLI printed, linter rules included.</summary>
    public IReadOnlyList<string> Diagnostics =>
        [.. (Output + "\n" + Errors).Split('\n').Select(l => l.Trim()).Where(l => Diagnostic().IsMatch(l))];

    /// <summary>Fails with everything the CLI said unless it exited 0 and printed nothing on stderr.</summary>
    public void AssertClean()
    {
        Assert.True(
            ExitCode == 0 && Diagnostics.Count == 0 && string.IsNullOrWhiteSpace(Errors),
            $"bicep {Command} exited {ExitCode} with:\n{Errors}\n{string.Join('\n', Diagnostics)}");
    }

    // file(line,column) : Warning|Error|Info CODE: message, as the CLI's default diagnostics format prints them.
    [GeneratedRegex(@"\(\d+,\d+\) : (Warning|Error|Info) ", RegexOptions.CultureInvariant)]
    private static partial Regex Diagnostic();
}

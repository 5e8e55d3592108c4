using System.Text.Json;

namespace AuthorBot.WebChat.Tests;

/// <summary>axe-core, injected into a page, reporting the serious and critical accessibility violations it finds.</summary>
internal static class Axe
{
    private static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    /// <summary>"rule: selector, selector" for each serious or critical violation; empty when there are none.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))
            """);
        return [.. found.EnumerateArray().Select(v => v.GetString()!)];
    }
}

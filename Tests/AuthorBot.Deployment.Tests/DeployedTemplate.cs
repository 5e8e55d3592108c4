using System.Text.Json;

namespace AuthorBot.Deployment.Tests;

/// <summary>Finds the pieces of the compiled ARM template (main.json) that the tests look at.</summary>
internal static class DeployedTemplate
{
    /// <summary>The nested template of the module deployed under <paramref name="name"/>.</summary>
    public static JsonElement Module(string armJson, string name)
    {
        using var document = JsonDocument.Parse(armJson);
        var module = document.RootElement.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == name);
        return module.GetProperty("properties").GetProperty("template").Clone();
    }

    public static JsonElement Resource(JsonElement template, string type) =>
        template.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == type);

    /// <summary>The web app's settings about the process: where it listens, how it is deployed.</summary>
    public static IReadOnlyDictionary<string, string> HostSettings(string armJson) => Variable(armJson, "hostSettings");

    /// <summary>The web app's settings that say where the bot keeps its files.</summary>
    public static IReadOnlyDictionary<string, string> DataSettings(string armJson) => Variable(armJson, "dataSettings");

    private static Dictionary<string, string> Variable(string armJson, string name) =>
        Module(armJson, "webApp").GetProperty("variables").GetProperty(name).EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
}

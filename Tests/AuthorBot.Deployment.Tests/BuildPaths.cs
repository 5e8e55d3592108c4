using System.Reflection;

namespace AuthorBot.Deployment.Tests;

/// <summary>Paths the build resolved and baked into this assembly (see the project file), so no test names a machine path.</summary>
internal static class BuildPaths
{
    /// <summary>The bicep binary inside the Azure.Bicep.CommandLine.linux-x64 package in the NuGet package folder.</summary>
    public static string BicepCli => Metadata("BicepCliPath");

    /// <summary>The repository's deploymentTemplates folder.</summary>
    public static string DeploymentTemplates => Metadata("DeploymentTemplatesPath");

    /// <summary>The Teams manifest schema copied beside the test binaries.</summary>
    public static string TeamsManifestSchema => Path.Combine(AppContext.BaseDirectory, "Schemas", "MicrosoftTeams.schema.v1.29.json");

    private static string Metadata(string key) =>
        typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The build did not record {key}; see AuthorBot.Deployment.Tests.csproj.");
}

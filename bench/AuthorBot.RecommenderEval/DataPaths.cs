namespace AuthorBot.RecommenderEval;

/// <summary>Finds ../shared/data relative to the repository root (the folder holding AuthorBot.sln).</summary>
internal static class DataPaths
{
    public static string Resolve(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        var fromEnv = Environment.GetEnvironmentVariable("AUTHORBOT_DATA");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            var dir = new DirectoryInfo(start);
            for (var depth = 0; dir is not null && depth < 12; depth++, dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AuthorBot.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                }
            }
        }

        throw new DirectoryNotFoundException("Could not find AuthorBot.sln above the program; pass --data <folder> or set AUTHORBOT_DATA.");
    }
}

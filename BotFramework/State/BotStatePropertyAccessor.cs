using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.State;

/// <summary>The <see cref="IStatePropertyAccessor{T}"/> handed out by <see cref="BotState.CreateProperty{T}"/>.</summary>
internal sealed class BotStatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(defaultValueFactory);
        var (found, value) = await state.GetPropertyValueAsync<T>(turnContext, Name, cancellationToken).ConfigureAwait(false);
        if (found && value is not null)
        {
            return value;
        }

        var created = defaultValueFactory();
        await state.SetPropertyValueAsync(turnContext, Name, created, cancellationToken).ConfigureAwait(false);
        return created;
    }

    public async Task<T?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var (_, value) = await state.GetPropertyValueAsync<T>(turnContext, Name, cancellationToken).ConfigureAwait(false);
        return value;
    }

    public Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default) =>
        state.SetPropertyValueAsync(turnContext, Name, value, cancellationToken);

    public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        state.DeletePropertyValueAsync(turnContext, Name, cancellationToken);
}

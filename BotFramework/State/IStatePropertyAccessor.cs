using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.State;

/// <summary>A typed, named property of a <see cref="BotState"/> (for example the reader's profile in user state).</summary>
/// <typeparam name="T">The property's type; it must round-trip through System.Text.Json.</typeparam>
public interface IStatePropertyAccessor<T>
{
    /// <summary>The property name inside the state document.</summary>
    string Name { get; }

    /// <summary>Gets the property, creating and storing <paramref name="defaultValueFactory"/>'s value when it is not set.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="defaultValueFactory">Makes the value used when the property is not set.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The value; changes to it are saved at the end of the turn.</returns>
    Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken = default);

    /// <summary>Gets the property, or <see langword="default"/> when it is not set.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The value or default.</returns>
    Task<T?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);

    /// <summary>Sets the property for this turn (saved when the state is saved).</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    /// <summary>Removes the property (saved when the state is saved).</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

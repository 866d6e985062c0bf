using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Warning.Engine.Hosting;

/// <summary>
/// Validates an options class at start: its data annotations and the rules given, every message prefixed with the
/// configuration key it is about ("Warning:Dispatch:ClaimBatchSize: …"), so that a wrong setting stops the host
/// with the key to fix.
/// </summary>
internal sealed class SectionValidator<T>(string section, Func<T, IEnumerable<(string Key, string Problem)>>? rules) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault();
            failures.Add($"{Key(member)}: {result.ErrorMessage}");
        }
        foreach (var (key, problem) in rules?.Invoke(options) ?? [])
        {
            failures.Add($"{Key(key)}: {problem}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string Key(string? member) => string.IsNullOrEmpty(member) ? section : $"{section}:{member}";
}

/// <summary>Options bound to a section and validated when the host starts, with messages naming the key.</summary>
public static class ValidatedOptions
{
    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/> and validates it when the host starts.</summary>
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration,
        string section, Func<T, IEnumerable<(string Key, string Problem)>>? rules = null)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section, rules));
        return services;
    }

    /// <summary>
    /// Replaces the validators registered so far for <typeparamref name="T"/> with one that runs them all and names
    /// <paramref name="section"/> in every failure (for options whose validators were written without the key).
    /// </summary>
    public static IServiceCollection NameSectionInFailures<T>(this IServiceCollection services, string section)
        where T : class
    {
        var registered = services.Where(d => d.ServiceType == typeof(IValidateOptions<T>)).ToList();
        foreach (var descriptor in registered)
        {
            services.Remove(descriptor);
        }
        services.AddSingleton<IValidateOptions<T>>(sp => new KeyNamingValidator<T>(section, [.. registered.Select(d => Create<T>(sp, d))]));
        return services;
    }

    private static IValidateOptions<T> Create<T>(IServiceProvider sp, ServiceDescriptor descriptor)
        where T : class =>
        (IValidateOptions<T>)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));

    /// <summary>A rule's finding when <paramref name="value"/> is not strictly positive.</summary>
    public static IEnumerable<(string, string)> Positive(string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            yield return (key, $"must be a positive time span, not {value}");
        }
    }

    /// <summary>A rule's finding when <paramref name="value"/> is not one of <paramref name="known"/>.</summary>
    public static IEnumerable<(string, string)> OneOf(string key, string? value, params string[] known)
    {
        if (!known.Contains(value ?? "", StringComparer.OrdinalIgnoreCase))
        {
            yield return (key, $"'{value}' is not known: use {string.Join(", ", known)}");
        }
    }
}

/// <summary>
/// Runs the validators registered for <typeparamref name="T"/> and prefixes each failure with the section, so that
/// "Port: must be between 1 and 65535" from a channel's own validator reads "Warning:Mqtt:Port: …" at start.
/// </summary>
internal sealed class KeyNamingValidator<T>(string section, IReadOnlyList<IValidateOptions<T>> inner) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        foreach (var validator in inner)
        {
            var result = validator.Validate(name, options);
            if (result.Failed)
            {
                failures.AddRange((result.Failures ?? [result.FailureMessage]).Select(f => f.StartsWith(section, StringComparison.Ordinal) ? f : $"{section}:{f}"));
            }
        }
        // Distinct: a validator registered again after a first wrapping (two channels sharing options) runs twice.
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Distinct());
    }
}

/**
 * The kinds of problem the IVR validator names, as stable codes with parameters, so the admin UI
 * can say them in the admin's language ("niet bereikbaar vanaf start") while the API keeps an
 * English message for logs and scripts. Adding a kind here needs a translation in the admin UI
 * (web/src/admin/ivr-problem-text.ts, checked by its test).
 */
export const IVR_PROBLEM_CODES = [
  // Graph and language rules (parse-ivr-flow.ts).
  'default_language_not_in_flow',
  'unknown_node',
  'language_not_offered',
  'prompt_missing',
  'choice_language_not_in_flow',
  'min_length_above_max',
  'number_variable_not_collected',
  'unknown_queue',
  'unreachable',
  'loop_without_input',
  // The schema's own rules (ivr-flow.schema.ts).
  'invalid_node_id',
  'invalid_choice_key',
  'invalid_phone_number',
  'invalid_audio_url',
  'invalid_variable_name',
  'menu_without_choices',
  'language_menu_without_choices',
  'invalid_pattern',
  'unknown_node_type',
  'invalid_prompt',
  // Generic shape problems as the schema library reports them.
  'invalid_type',
  'too_small',
  'too_big',
  'unknown_fields',
  'invalid_value',
  'invalid_input',
  // Only the admin editor produces this one (its JSON does not parse).
  'json_invalid',
] as const;

export type IvrProblemCode = (typeof IVR_PROBLEM_CODES)[number];

/** Values a problem's text is filled in with (node ids, languages, limits). */
export type IvrProblemParams = Readonly<Record<string, string | number>>;

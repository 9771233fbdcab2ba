/** Raw Discord component JSON (what goes over the wire, so tests read the same thing). */
import { ButtonStyle, ComponentType, TextInputStyle, type APIActionRowComponent, type APIButtonComponent, type APIModalInteractionResponseCallbackData } from 'discord.js';

export type Row = APIActionRowComponent<APIButtonComponent>;
export interface View {
  content: string;
  components: Row[];
}

export const view = (content: string, components: Row[] = []): View => ({ content: content.slice(0, 2000), components });

export function button(label: string, customId: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger = ButtonStyle.Secondary): APIButtonComponent {
  return { type: ComponentType.Button, style, label: label.slice(0, 80), custom_id: customId };
}

export function link(label: string, url: string): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Link, label: label.slice(0, 80), url };
}

/** Rows of at most five buttons, at most five rows (Discord's limits). */
export function rows(...buttons: APIButtonComponent[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < buttons.length && out.length < 5; i += 5) out.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + 5) });
  return out;
}

export function textModal(customId: string, title: string, field: { id: string; label: string; placeholder?: string; long?: boolean; max?: number }): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId,
    title: title.slice(0, 45),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: field.id,
            label: field.label.slice(0, 45),
            style: field.long ? TextInputStyle.Paragraph : TextInputStyle.Short,
            required: true,
            max_length: field.max ?? 300,
            ...(field.placeholder ? { placeholder: field.placeholder } : {}),
          },
        ],
      },
    ],
  };
}

export { ButtonStyle };

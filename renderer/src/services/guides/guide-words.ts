/** The guide catalogue's closed vocabularies, worded by message id (i18n/zh-CN.ts). */
import type { Audience, Department, GuideChannel, LifeEvent, MaterialForm } from '../../../../common/guides';
import type { GuidesMessageId } from './i18n/guides-text';

export const lifeEventId = (key: LifeEvent): GuidesMessageId => `lifeEvent.${key}`;
export const departmentId = (key: Department): GuidesMessageId => `department.${key}`;
export const audienceId = (key: Audience): GuidesMessageId => `audience.${key}`;
export const channelId = (key: GuideChannel): GuidesMessageId => `channel.${key}`;
export const materialFormId = (form: MaterialForm): GuidesMessageId => `material.form.${form}`;

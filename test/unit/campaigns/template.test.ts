import { describe, expect, it } from '@jest/globals';
import { renderCampaignMessage } from '../../../shared/mail/campaign-message';
import { compileCampaign, templateProblems } from '../../../shared/mail/campaign-template';

const to = {
  name: "Siân <b>O'Neil</b> & co",
  eventTitle: 'North West Conference',
  manageUrl: 'https://convene.example.org/registrations/reg_1?token=abc.def',
  unsubscribeUrl: 'https://convene.example.org/unsubscribe?token=u.v',
};

describe('campaign templates', () => {
  it('accept the three placeholders in every part', () => {
    expect(
      templateProblems({
        subject: 'News for {{name}} about {{event.title}}',
        text: 'Hello {{name}},\nManage: {{manageUrl}}\n{{! a note }}',
        html: '<p>Hello {{ name }}</p><a href="{{manageUrl}}">{{event.title}}</a>',
      }),
    ).toEqual([]);
  });

  it.each([
    ['an unknown placeholder', '{{nme}}', 'Unknown placeholder {{nme}}'],
    ['a nested unknown one', '{{event.venue}}', 'Unknown placeholder {{event.venue}}'],
    ['a helper', '{{lookup name "x"}}', 'Unknown placeholder {{lookup}}'],
    ['arguments to a placeholder', '{{name "x"}}', 'with nothing else inside the braces'],
    ['a block', '{{#if name}}x{{/if}}', 'no blocks, partials or helpers'],
    ['a partial', '{{> footer}}', 'no blocks, partials or helpers'],
    ['a data variable', '{{@root}}', 'Unknown placeholder {{@root}}'],
    ['a parent path', '{{../name}}', 'Unknown placeholder {{../name}}'],
    ['a syntax error', 'Hello {{name', 'The curly braces on line 1 do not make a placeholder'],
    ['a stray brace on a later line', 'Hello,\n\nSee you {{ soon', 'on line 3'],
  ])('refuse %s, naming the field', (_, text, message) => {
    const problems = templateProblems({ subject: 'S', text });
    expect(problems).toEqual([{ path: 'text', message: expect.stringContaining(message) }]);
  });

  it('refuse triple braces in HTML, where every value is escaped', () => {
    expect(templateProblems({ subject: 'S', text: 'T', html: '<p>{{{name}}}</p>' })).toEqual([
      { path: 'html', message: expect.stringContaining('{{name}} rather than {{{name}}}') },
    ]);
  });

  it('report each bad field', () => {
    expect(templateProblems({ subject: '{{x}}', text: 'ok', html: '{{y}}' }).map((p) => p.path)).toEqual([
      'subject',
      'html',
    ]);
  });
});

describe('a campaign message', () => {
  it('fills placeholders per recipient, escaping them in HTML only', () => {
    const message = renderCampaignMessage(
      compileCampaign({
        subject: '{{event.title}}: news for {{name}}',
        text: 'Dear {{name}},\nManage your place: {{manageUrl}}',
        html: '<p>Dear {{name}}</p><p><a href="{{manageUrl}}">Manage</a></p>',
      }),
      to,
    );
    expect(message.subject).toBe("North West Conference: news for Siân <b>O'Neil</b> & co");
    expect(message.text).toContain("Dear Siân <b>O'Neil</b> & co,\nManage your place: " + to.manageUrl);
    expect(message.html).toContain('<p>Dear Siân &lt;b&gt;O&#x27;Neil&lt;/b&gt; &amp; co</p>');
    expect(message.html).not.toContain('<b>O');
    expect(message.html).toContain(
      'href="https://convene.example.org/registrations/reg_1?token&#x3D;abc.def"',
    );
  });

  it('always ends with why it came and a visible unsubscribe link', () => {
    const message = renderCampaignMessage(compileCampaign({ subject: 'S', text: 'Body' }), to);
    expect(message.text).toMatch(
      /registered for North West Conference\.\nTo stop emails like this one, unsubscribe: https:\/\/convene\.example\.org\/unsubscribe\?token=u\.v\n$/,
    );
    expect(message.html).toContain(
      '<a href="https://convene.example.org/unsubscribe?token&#x3D;u.v">unsubscribe</a>',
    );
  });

  it('makes HTML from the text when none is given: escaped, in paragraphs, with links', () => {
    const message = renderCampaignMessage(
      compileCampaign({ subject: 'S', text: 'Hi {{name}}\n\nSee {{manageUrl}}.\nBye' }),
      to,
    );
    expect(message.html).toContain(
      '<p style="margin:0 0 12px;">Hi Siân &lt;b&gt;O&#x27;Neil&lt;/b&gt; &amp; co</p>',
    );
    expect(message.html).toMatch(
      /See <a href="https:\/\/convene\.example\.org\/registrations\/reg_1\?token&#x3D;abc\.def">[^<]+<\/a>\.<br>\nBye/,
    );
  });

  it('keeps the subject on one line', () => {
    const message = renderCampaignMessage(compileCampaign({ subject: 'News {{name}}', text: 'T' }), {
      ...to,
      name: 'Eve\r\nBcc: x@example.org',
    });
    expect(message.subject).toBe('News Eve Bcc: x@example.org');
  });
});

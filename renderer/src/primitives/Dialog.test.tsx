// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Dialog } from './Dialog';

afterEach(cleanup);

function Page({ open }: { open: boolean }) {
  return (
    <>
      <button type="button">Beneath</button>
      {open && (
        <Dialog title="Still there?" body="Back home in 20 s">
          <button type="button">Continue</button>
          <button type="button">Finish</button>
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('is a modal dialog named by its title and described by its body', () => {
    render(<Page open />);
    const dialog = screen.getByRole('dialog', { name: 'Still there?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Back home in 20 s');
  });

  it('takes focus to its first control, keeps Tab inside, and gives focus back when it closes', () => {
    const { rerender } = render(<Page open={false} />);
    screen.getByRole('button', { name: 'Beneath' }).focus();
    rerender(<Page open />);
    const [first, last] = [screen.getByRole('button', { name: 'Continue' }), screen.getByRole('button', { name: 'Finish' })];
    expect(document.activeElement).toBe(first);

    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    // Between its own controls Tab is left to the browser.
    first.focus();
    expect(fireEvent.keyDown(first, { key: 'Tab' })).toBe(true);

    rerender(<Page open={false} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Beneath' }));
  });
});

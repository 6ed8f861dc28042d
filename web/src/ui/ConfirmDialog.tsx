import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { t } from '../i18n';
import { Button } from './components';

/**
 * Asks before something that cannot be undone (an alert dialog: focus inside, Escape cancels, focus returns to the
 * button that opened it).
 */
export function ConfirmDialog({ isOpen, title, children, confirmLabel, onConfirm, onCancel, isPending }: { isOpen: boolean; title: string; children: ReactNode; confirmLabel: string; onConfirm: () => void; onCancel: () => void; isPending?: boolean }) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && onCancel()} isDismissable className="modal-overlay">
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title">{title}</Heading>
          {children}
          <div className="actions">
            <Button variant="danger" onPress={onConfirm} isPending={isPending}>
              {confirmLabel}
            </Button>
            <Button onPress={onCancel} autoFocus>
              {t.cancel}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
